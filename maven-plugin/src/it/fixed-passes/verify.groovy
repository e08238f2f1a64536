def log = new File(basedir, 'build.log').text
def json = new File(basedir, 'target/ormrace/ormrace.json').text

assert log.contains('Tests run: 2, Failures: 0, Errors: 0')
// the racy view() ran under the agent, and its @SuppressWarnings was honoured by both producers
assert new File(basedir, 'target/ormrace/runtime.json').text.contains('suppressed in source')
assert log.contains('ormrace: 0 finding(s)')
assert !log.contains('[lost-update]')
assert json.contains('"findings": []')
assert new File(basedir, 'target/ormrace/ormrace.html').text.contains('No races found.')
return true
