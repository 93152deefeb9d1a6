# Tcl host (Debian's libsqlite3-tcl): loads the extension, runs queries.txt and
# the monthly check's statements with month and as_of bound, prints each row's
# values joined by '|' (NULL as empty).
# Usage: tclsh host.tcl EXT DB MONTHLY_SQL MONTH AS_OF
package require sqlite3
lassign $argv ext dbpath monthly_sql month as_of
sqlite3 db $dbpath
db enable_load_extension 1
db eval {SELECT load_extension($ext)}
proc emit {sql} {
  # Tcl binds $name and :name from variables as text; @name would bind a blob,
  # so the monthly check's @month/@as_of are rewritten to :month/:as_of.
  global month as_of
  set sql [string map {@month :month @as_of :as_of} $sql]
  db eval $sql row {
    set vals {}
    foreach c $row(*) { lappend vals $row($c) }
    puts [join $vals |]
  }
}
set here [file dirname [info script]]
set f [open [file join $here queries.txt]]
fconfigure $f -encoding utf-8
foreach q [split [read $f] \n] {
  if {[string trim $q] ne "" && ![string match --* $q]} { emit $q }
}
close $f
set f [open $monthly_sql]
fconfigure $f -encoding utf-8
set text [read $f]
close $f
foreach stmt [split [string map [list ";\n" \x01] $text] \x01] {
  set body {}
  foreach l [split $stmt \n] { if {![string match --* [string trimleft $l]]} { lappend body $l } }
  set body [string trim [join $body \n]]
  if {$body ne ""} { emit $body }
}
