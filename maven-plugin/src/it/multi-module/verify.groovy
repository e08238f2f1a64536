def log = new File(basedir, 'build.log').text

assert log =~ /\[ERROR\] .*orders\/src\/main\/java\/shop\/orders\/Likes\.java:\d+:\d+ \[lost-update\] /
assert log =~ /\[ERROR\] .*billing\/src\/main\/java\/shop\/billing\/Balance\.java:\d+:\d+ \[lost-update\] /
assert new File(basedir, 'orders/target/ormrace/ormrace.json').text.contains('shop/orders/Likes.java')
assert !new File(basedir, 'orders/target/ormrace/ormrace.json').text.contains('Balance')
assert new File(basedir, 'billing/target/ormrace/ormrace.json').text.contains('shop/billing/Balance.java')
return true
