"""French everywhere: Odoo's own export of the Kèpos add-ons' terms has no untranslated
entry, and every add-on ships its i18n/fr.po."""
import os
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
ADDONS = sorted(d for d in os.listdir(os.path.join(ROOT, 'addons')) if d.startswith('kepos_'))
VENV = os.environ.get('VENV', os.path.join(ROOT, '.venv'))
sys.path.insert(0, os.path.join(ROOT, 'tools'))

from po_untranslated import entries  # noqa: E402


def test_every_addon_ships_french():
    for addon in ADDONS:
        assert os.path.isfile(os.path.join(ROOT, 'addons', addon, 'i18n', 'fr.po')), addon


def test_no_untranslated_term(server, tmp_path):
    po = tmp_path / 'kepos.po'
    subprocess.run([os.path.join(VENV, 'bin', 'python'), os.path.join(ROOT, 'tools', 'odoo-bin'),
                    '-c', os.environ['KEPOS_CONF'], '-d', server.db, '--db-filter', '.*',
                    '--i18n-export', str(po), '--modules', ','.join(ADDONS), '--language', 'fr_FR',
                    '--stop-after-init', '--no-http', '--logfile', str(tmp_path / 'export.log')],
                   check=True, timeout=300)
    terms = list(entries(str(po)))
    assert len(terms) > 20
    missing = [msgid for msgid, msgstr in terms if msgid and not msgstr]
    assert not missing, 'untranslated terms (run make i18n, then translate): %s' % missing
