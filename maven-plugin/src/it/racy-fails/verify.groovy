def log = new File(basedir, 'build.log').text
def json = new File(basedir, 'target/ormrace/ormrace.json').text
def html = new File(basedir, 'target/ormrace/ormrace.html').text

// the tests ran under the agent, with the project's own argLine kept
assert log.contains('Tests run: 2, Failures: 0, Errors: 0')
assert new File(basedir, 'target/ormrace/runtime.json').isFile()
// javac style in the build log: file:line:col [rule] message
assert log =~ /\[ERROR\] .*src\/main\/java\/shop\/Likes\.java:\d+:\d+ \[lost-update\] /
assert log =~ /\[ERROR\] .*src\/main\/java\/shop\/Likes\.java:\d+ \[lost-update\] /
assert log.contains('ormrace: 2 race(s) found at or above warning')
// static and runtime side by side in one report, the runtime one tied to its test
assert json.contains('"origin": "static"')
assert json.contains('"origin": "runtime"')
assert json.contains('"method": "likeCountsOne"')
assert json.contains('"path": "src/main/java/shop/Likes.java"')
assert html.contains('likes + 1')
assert new File(basedir, 'target/ormrace/ormrace.sarif').isFile()
return true
