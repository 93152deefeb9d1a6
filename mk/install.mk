# make install / make uninstall (issues 8, 13), with PREFIX and DESTDIR.
#
# Layout under $(DESTDIR)$(PREFIX):
#   bin/learnclub                       the command (dist/bin/learnclub): the
#                                       extension linked in, sql/ embedded
#   bin/learnclub-node                  the cluster node (issue 17), when built
#   lib/learnclub/learnclub.so          the extension, for the sqlite3 shell and
#                                       other hosts (.load PREFIX/lib/learnclub/learnclub)
#   share/learnclub/sql/                the schema and workflow scripts, to read and to
#                                       run from the sqlite3 shell (the command needs
#                                       none of them: it carries its own)
#   share/man/man1/learnclub.1          the man page, made from `learnclub help`
PREFIX  ?= /usr/local
DESTDIR ?=
INSTALL ?= install
LC_PREFIX = $(DESTDIR)$(PREFIX)
LC_SHARE  = $(LC_PREFIX)/share/learnclub

.PHONY: install uninstall

install: $(EXT) $(BIN)
	$(INSTALL) -d $(LC_PREFIX)/bin $(LC_PREFIX)/lib/learnclub \
	  $(LC_SHARE)/sql/migrate $(LC_PREFIX)/share/man/man1
	$(INSTALL) -m 0755 $(BIN) $(LC_PREFIX)/bin/learnclub
	if [ -x $(NODE) ]; then $(INSTALL) -m 0755 $(NODE) $(LC_PREFIX)/bin/learnclub-node; fi
	$(INSTALL) -m 0644 $(EXT) $(LC_PREFIX)/lib/learnclub/learnclub.so
	$(INSTALL) -m 0644 sql/*.sql $(LC_SHARE)/sql/
	$(INSTALL) -m 0644 sql/migrate/*.sql $(LC_SHARE)/sql/migrate/
	LEARNCLUB=$(BIN) bash scripts/gen-man > $(LC_PREFIX)/share/man/man1/learnclub.1
	@echo "installed learnclub in $(LC_PREFIX)"

uninstall:
	rm -f $(LC_PREFIX)/bin/learnclub $(LC_PREFIX)/bin/learnclub-node $(LC_PREFIX)/share/man/man1/learnclub.1
	rm -rf $(LC_PREFIX)/lib/learnclub $(LC_SHARE)
	@echo "removed learnclub from $(LC_PREFIX)"
