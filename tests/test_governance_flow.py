# Copyright 2026 Kèpos SCIC
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""A general assembly through the web API (kepos_membership): the board
convenes and opens the vote, two members vote for their companies, the
board closes it and prints the minutes in French."""
import shutil
import subprocess

import pytest
import requests


def _minutes_pdf(server, login, assembly):
    session = requests.Session()
    session.post(server.url + '/web/session/authenticate', json={
        'jsonrpc': '2.0', 'params': {'db': server.db, 'login': login,
                                     'password': login}})
    reply = session.get('%s/report/pdf/kepos_membership.report_assembly_minutes/%d'
                        % (server.url, assembly), timeout=120)
    assert reply.status_code == 200
    assert reply.headers['Content-Type'] == 'application/pdf'
    return reply.content


@pytest.mark.skipif(not shutil.which('pdftotext'), reason='pdftotext (poppler-utils) is not installed')
def test_assembly_vote_and_minutes(fresh_server):
    manager = fresh_server.login('kepos_manager')
    member_a = fresh_server.login('member_a')    # Le Bocal Nancéien
    member_b = fresh_server.login('member_b')    # Vélo Cargo Stanislas
    assembly = manager.execute('kepos.assembly', 'create', {
        'name': 'AGO de printemps 2027', 'date': '2027-03-20',
        'assembly_type': 'ordinary',
        'resolution_ids': [(0, 0, {'name': 'Adhésion au réseau des SCIC du Grand Est'})]})
    manager.execute('kepos.assembly', 'action_convene', [assembly])
    lines = manager.execute('kepos.assembly.attendance', 'search_read',
                            [('assembly_id', '=', assembly)], ['partner_id'])
    names = {l['partner_id'][1]: l['id'] for l in lines}
    present = [names['Le Bocal Nancéien'], names['Vélo Cargo Stanislas']] + [
        l['id'] for l in lines][:8]
    manager.execute('kepos.assembly.attendance', 'write', present, {'status': 'present'})
    manager.execute('kepos.assembly', 'action_open', [assembly])
    [values] = manager.execute('kepos.assembly', 'read', [assembly], ['state', 'quorum_reached'])
    assert values == {'id': assembly, 'state': 'open', 'quorum_reached': True}

    [resolution] = member_a.execute('kepos.resolution', 'search',
                                    [('assembly_id', '=', assembly)])
    member_a.execute('kepos.resolution', 'action_vote_yes', [resolution])
    member_b.execute('kepos.resolution', 'action_vote_yes', [resolution])
    votes = member_b.execute('kepos.vote', 'search_read',
                             [('resolution_id', '=', resolution)], ['partner_id', 'choice'])
    assert [(v['partner_id'][1], v['choice']) for v in votes] == [
        ('Vélo Cargo Stanislas', 'yes')]

    manager.execute('kepos.assembly', 'action_close', [assembly])
    [result] = member_a.execute('kepos.resolution', 'read', [resolution],
                                ['result', 'yes_percent', 'vote_count'])
    # Both founders vote in the workers' college: the only college that
    # voted, re-normalised to 100 %.
    assert (result['result'], result['yes_percent'], result['vote_count']) == (
        'adopted', 100.0, 2)

    text = subprocess.run(['pdftotext', '-', '-'], input=_minutes_pdf(
        fresh_server, 'kepos_manager', assembly),
        stdout=subprocess.PIPE, check=True).stdout.decode()
    for expected in ("Procès-verbal de l'assemblée générale", 'AGO de printemps 2027',
                     '20/03/2027', 'Adhésion au réseau des SCIC du Grand Est',
                     'Adoptée', 'Le Bocal Nancéien', 'Kèpos SCIC'):
        assert expected in text
    assert not fresh_server.errors_in_log()
