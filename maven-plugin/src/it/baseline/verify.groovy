def log = new File(basedir, 'build.log').text
def baseline = new File(basedir, 'ormrace-baseline.txt').text

assert baseline =~ /(?m)^[0-9a-f]{32}  lost-update  src\/main\/java\/shop\/Likes\.java:\d+:\d+  shop\.Likes#like$/
assert log.contains('ormrace: 1 baselined finding(s) remain (ormrace-baseline.txt)')
assert log.contains('ormrace: 0 finding(s)')
return true
