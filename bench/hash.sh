# Sourced by bench/gen.sh and bench/gen-floor.sh: the generators' one hash.
# h EXPR — SQL for a pseudo-random integer in [0, 2^23) from the integer EXPR
# and $SALT: two rounds of a quadratic map modulo primes below 2^31, so that no
# product reaches 2^63 (SQLite turns an overflowing integer product into a
# REAL) and consecutive keys do not fall on a lattice as a linear hash does.
h() {
  local t="((($1) + $SALT) % 2147483647)"
  local u="(($t * $t + $t * 40503) % 2147483629)"
  printf '(((%s * %s + %s * 2654435) %% 2147483587) >> 8)' "$u" "$u" "$u"
}
