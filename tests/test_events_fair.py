"""A business fair run end to end over JSON-RPC, as its users do it in the web client:
members ask for and accept meetings, the staff schedules, everyone prints their agenda."""
import shutil
import subprocess

import pytest
import requests
from kepos_server import RpcError

FR = {'lang': 'fr_FR'}


def _pdf_text(server, login, report, record_id):
    session = requests.Session()
    session.post(server.url + '/web/session/authenticate', json={
        'jsonrpc': '2.0', 'params': {'db': server.db, 'login': login, 'password': login}})
    reply = session.get('%s/report/pdf/%s/%d' % (server.url, report, record_id), timeout=120)
    assert reply.status_code == 200
    assert reply.headers['Content-Type'] == 'application/pdf'
    if not shutil.which('pdftotext'):
        return None
    return subprocess.run(['pdftotext', '-', '-'], input=reply.content,
                          stdout=subprocess.PIPE, check=True).stdout.decode()


def test_business_fair_end_to_end(server):
    staff = server.login('kepos_staff')
    member_a = server.login('member_a')
    member_b = server.login('member_b')
    fair = staff.ref('kepos_events.event_business_fair')
    reg_bocal = staff.ref('kepos_events.fair_reg_bocal')
    reg_velocargo = staff.ref('kepos_events.fair_reg_velocargo')
    reg_hotel = staff.ref('kepos_events.fair_reg_hotel_ducs')

    # Camille (Le Bocal) asks the hotel for a meeting; a request to herself is refused in French.
    request = member_a.execute('kepos.b2b.request', 'create', {
        'event_id': fair, 'requester_id': reg_bocal, 'requested_id': reg_hotel,
        'message': 'Nous livrons en vrac, sans emballage.'}, context=FR)
    with pytest.raises(RpcError) as error:
        member_a.execute('kepos.b2b.request', 'create', {
            'event_id': fair, 'requester_id': reg_bocal, 'requested_id': reg_bocal}, context=FR)
    assert 'lui-même' in error.value.message
    staff.execute('kepos.b2b.request', 'action_accept', [request])

    # Julien (Vélo Cargo) accepts Camille's demo request; she cannot answer it for him.
    pending = member_b.execute('kepos.b2b.request', 'search', [
        ('requester_id', '=', reg_bocal), ('requested_id', '=', reg_velocargo)])
    assert len(pending) == 1
    with pytest.raises(RpcError):
        member_a.execute('kepos.b2b.request', 'action_accept', pending, context=FR)
    member_b.execute('kepos.b2b.request', 'action_accept', pending, context=FR)

    # Members cannot schedule; the staff does, and nobody is booked twice.
    with pytest.raises(RpcError):
        member_a.execute('event.event', 'action_kepos_b2b_schedule', [fair], context=FR)
    staff.execute('event.event', 'action_kepos_b2b_schedule', [fair], context=FR)
    meetings = staff.execute('kepos.b2b.meeting', 'search_read', [('event_id', '=', fair)],
                             ['slot_id', 'table_id', 'requester_id', 'requested_id'])
    assert meetings
    seen = set()
    for meeting in meetings:
        for key in [('table', meeting['slot_id'][0], meeting['table_id'][0]),
                    ('person', meeting['slot_id'][0], meeting['requester_id'][0]),
                    ('person', meeting['slot_id'][0], meeting['requested_id'][0])]:
            assert key not in seen
            seen.add(key)

    # Camille's agenda: her meetings only, with Julien and the hotel among them.
    mine = member_a.execute('kepos.b2b.meeting', 'search_read', [('event_id', '=', fair)],
                            ['requester_id', 'requested_id'])
    assert mine
    assert all(reg_bocal in (m['requester_id'][0], m['requested_id'][0]) for m in mine)
    partners = {m['requested_id'][0] for m in mine} | {m['requester_id'][0] for m in mine}
    assert {reg_velocargo, reg_hotel} <= partners

    agenda = _pdf_text(server, 'member_a', 'kepos_events.report_b2b_agenda', reg_bocal)
    if agenda is not None:
        assert 'Agenda des rendez-vous' in agenda
        assert 'Julien Marchal' in agenda
    grid = _pdf_text(server, 'kepos_staff', 'kepos_events.report_b2b_grid', fair)
    if grid is not None:
        assert 'Grille des rendez-vous' in grid
        assert 'Julien' in grid
