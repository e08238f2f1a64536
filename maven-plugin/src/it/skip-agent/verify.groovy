def log = new File(basedir, 'build.log').text

assert log.contains('ormrace: skipped')
assert log.contains('Tests run: 2, Failures: 0, Errors: 0')
assert !new File(basedir, 'target/ormrace/runtime.json').exists()
assert !log.contains('ormrace agent:')

return true
