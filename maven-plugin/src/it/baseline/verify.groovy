def log = new File(basedir, 'build.log').text
def baseline = new File(basedir, 'ormrace-baseline.txt').text

// the static finding (at the write) and the runtime one (at the read) are the same race in the same method on the
// same table and column: one fingerprint covers both
assert baseline =~ /(?m)^[0-9a-f]{32}  lost-update  src\/main\/java\/shop\/Likes\.java:\d+(:\d+)?  shop\.Likes#like$/
assert log.contains('ormrace: 2 baselined finding(s) remain (ormrace-baseline.txt)')
assert log.contains('ormrace: 0 finding(s)')
return true
