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


def _is_source(term, value):
    # Views and HTML fields are translated term by term (xml_translate), other fields whole.
    return term in value if value.lstrip().startswith('<') else term == value


def test_translations_belong_to_their_term(server):
    """Odoo attaches a translation of a record's term (a field label, a menu, an action…) to
    the record named by the reference of the .po entry: a reference moved to the wrong entry
    (a bad merge) shows a French label of another term on screen."""
    admin = server.login('admin', 'admin')
    translations = admin.execute(
        'ir.translation', 'search_read',
        [('lang', '=', 'fr_FR'), ('type', '=', 'model'), ('module', 'in', ADDONS)],
        ['name', 'res_id', 'src', 'value'])
    assert len(translations) > 100
    by_name = {}
    for translation in translations:
        by_name.setdefault(translation['name'], []).append(translation)
    wrong = []
    for name, group in sorted(by_name.items()):
        model, field = name.split(',')
        records = admin.execute(model, 'read', list({t['res_id'] for t in group}), [field],
                                context={'lang': 'en_US', 'active_test': False})
        sources = {record['id']: record[field] for record in records}
        wrong += ['%s #%d: %r translated as %r' % (name, t['res_id'], sources[t['res_id']], t['value'])
                  for t in group if t['res_id'] in sources
                  and not _is_source(t['src'], sources[t['res_id']] or '')]
    assert not wrong, 'translations attached to the wrong term (run make i18n):\n' + '\n'.join(wrong)
