# Kèpos SI — the two commands: `make run` and `make test`.
SHELL := /bin/bash
.DEFAULT_GOAL := help
.PHONY: help install run test test-odoo bench i18n backup restore upgrade

help:
	@echo "make run    install everything, create the demo database, serve http://127.0.0.1:8069"
	@echo "make test   install everything, run every test on throwaway databases"
	@echo "make bench  run the benchmarks of bench/ at full size"
	@echo "make backup [DB=name]                dump the database and its filestore into var/backups/"
	@echo "make restore FILE=<zip> [DB=name]    restore a backup into a new database"
	@echo "make upgrade [DB=name] [ADDONS=all]  back up, then update the Kèpos addons in the database"

install:
	@tools/install.sh

run:
	@tools/run.sh

test:
	@tools/test.sh

# Quick loop while developing: only the Odoo tests, e.g. make test-odoo ADDONS=kepos_synergy
test-odoo:
	@KEPOS_ODOO_ONLY=1 KEPOS_TEST_ADDONS=$(ADDONS) tools/test.sh

bench:
	@tools/bench.sh

# Rewrite every add-on's i18n/fr.po from Odoo's export and list untranslated terms.
i18n:
	@tools/i18n.sh

# Operations (README, "Déploiement"); DB defaults to KEPOS_DB.
backup:
	@tools/backup.sh $(DB)

restore:
	@tools/restore.sh "$(FILE)" $(DB)

upgrade:
	@KEPOS_UPGRADE_ADDONS=$(ADDONS) tools/upgrade.sh $(DB)
