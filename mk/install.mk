# make install / make uninstall (issue 8), with PREFIX and DESTDIR.
#
# Layout under $(DESTDIR)$(PREFIX):
#   lib/learnclub/learnclub.so          the extension (.load PREFIX/lib/learnclub/learnclub)
#   share/learnclub/scripts/learnclub   the command; bin/learnclub links to it
#   share/learnclub/sql/                the schema and workflow scripts
#   share/learnclub/dist/learnclub.so   a link to the extension: where the command looks
#   share/man/man1/learnclub.1          the man page, made from `learnclub help`
# The links are relative, so a staged DESTDIR tree works where it is.
PREFIX  ?= /usr/local
DESTDIR ?=
INSTALL ?= install
LC_PREFIX = $(DESTDIR)$(PREFIX)
LC_SHARE  = $(LC_PREFIX)/share/learnclub

.PHONY: install uninstall

install: $(EXT)
	$(INSTALL) -d $(LC_PREFIX)/bin $(LC_PREFIX)/lib/learnclub $(LC_SHARE)/scripts \
	  $(LC_SHARE)/sql/migrate $(LC_SHARE)/dist $(LC_PREFIX)/share/man/man1
	$(INSTALL) -m 0644 $(EXT) $(LC_PREFIX)/lib/learnclub/learnclub.so
	$(INSTALL) -m 0755 scripts/learnclub $(LC_SHARE)/scripts/learnclub
	$(INSTALL) -m 0644 sql/*.sql $(LC_SHARE)/sql/
	$(INSTALL) -m 0644 sql/migrate/*.sql $(LC_SHARE)/sql/migrate/
	ln -sf ../../../lib/learnclub/learnclub.so $(LC_SHARE)/dist/learnclub.so
	ln -sf ../share/learnclub/scripts/learnclub $(LC_PREFIX)/bin/learnclub
	bash scripts/gen-man > $(LC_PREFIX)/share/man/man1/learnclub.1
	@echo "installed learnclub in $(LC_PREFIX)"

uninstall:
	rm -f $(LC_PREFIX)/bin/learnclub $(LC_PREFIX)/share/man/man1/learnclub.1
	rm -rf $(LC_PREFIX)/lib/learnclub $(LC_SHARE)
	@echo "removed learnclub from $(LC_PREFIX)"
