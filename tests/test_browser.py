"""Journeys in the web client with a real headless Chromium (tests/browser/journey.js):
each asserts on what is on the screen, fails on any JavaScript error and saves a screenshot
under var/screenshots/."""
import json
import os
import shutil
import subprocess

import pytest

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
NODE_MODULES = os.environ.get('KEPOS_NODE_MODULES', os.path.join(ROOT, 'node_modules'))
SHOTS = os.path.join(os.environ.get('KEPOS_VAR', os.path.join(ROOT, 'var')), 'screenshots')

pytestmark = pytest.mark.skipif(
    not (shutil.which('chromium') and shutil.which('node')
         and os.path.isdir(os.path.join(NODE_MODULES, 'puppeteer-core'))),
    reason='Chromium, node or puppeteer-core is not installed (tools/install.sh --test installs them)')


def run_script(script, spec, name):
    """Run tests/browser/<script> on `spec`, its screenshot named `name`; its report."""
    os.makedirs(SHOTS, exist_ok=True)
    spec = dict(spec, screenshot=os.path.join(SHOTS, name + '.png'))
    env = dict(os.environ, NODE_PATH=NODE_MODULES)
    result = subprocess.run(['node', os.path.join(ROOT, 'tests', 'browser', script),
                             json.dumps(spec)], stdout=subprocess.PIPE, env=env, timeout=180)
    report = json.loads(result.stdout.decode().strip().splitlines()[-1])
    assert report['ok'], report
    assert result.returncode == 0
    return report


def journey(server, login, steps, name, password=None):
    return run_script('journey.js', {'url': server.url, 'db': server.db, 'login': login,
                                     'password': password or login, 'steps': steps}, name)


def test_member_a_browses_members_in_french(server):
    journey(server, 'member_a', [
        {'app': 'Kèpos'}, {'menu': 'Sociétariat'}, {'menu': 'Sociétaires'},
        {'expect': 'Vélo Cargo Stanislas'}, {'expect': 'Éco-Événements Lorraine'},
    ], 'membership_members')


def test_admin_opens_kepos(server):
    journey(server, 'admin', [{'app': 'Kèpos'}, {'expect': 'Sociétariat'}],
            'admin_kepos', password='admin')


def test_manager_follows_the_capital_in_french(server):
    journey(server, 'kepos_manager', [
        {'app': 'Kèpos'}, {'menu': 'Capital'}, {'menu': 'Synthèse du capital'},
        {'expect': 'Plancher du capital'}, {'expect': 'Capital le plus élevé atteint'},
        {'menu': 'Capital'}, {'menu': 'Souscriptions'}, {'expect': 'Métropole du Grand Nancy'},
    ], 'capital_summary')


def test_member_a_sees_its_own_shares(server):
    journey(server, 'member_a', [
        {'app': 'Kèpos'}, {'menu': 'Capital'}, {'menu': 'Registre des parts sociales'},
        {'expect': 'Le Bocal Nancéien'}, {'expect': 'CERT-'},
    ], 'capital_member_register')


def test_member_a_opens_the_open_assembly(server):
    admin = server.login('admin', 'admin')
    december = admin.ref('kepos_membership.assembly_2026_december')
    journey(server, 'member_a', [
        {'app': 'Kèpos'}, {'menu': 'Sociétariat'}, {'menu': 'Assemblées générales'},
        {'expect': 'Assemblée générale mixte 2026'},
        {'goto': '/web#model=kepos.assembly&view_type=form&id=%d' % december},
        {'expect': 'Vote ouvert'}, {'expect': 'Résolutions'},
        {'expect': 'Budget prévisionnel 2027 de la Serre à projets'},
        {'expect': 'Règlement intérieur des échanges entre sociétaires'},
    ], 'governance_assembly')
