def log = new File(basedir, 'build.log').text
def runtime = new File(basedir, 'target/ormrace,run/runtime.json')

// the tests ran under the agent, which read the comma in its output path as part of the path
assert log.contains('Tests run: 2, Failures: 0, Errors: 0')
assert runtime.isFile()
assert runtime.text.contains('"rule" : "lost-update"') || runtime.text.contains('"rule": "lost-update"')
// the second prepare-agent replaced the first one's agent: one -javaagent in the argLine surefire used
def last = log.readLines().findAll { it.contains('argLine set to') }.last()
assert last.count('-javaagent:') == 1
assert last.contains('-Dshop.marker=kept')
// the agent's summary reaches the build log
assert log.contains('ormrace agent: 1 finding(s)')
return true
