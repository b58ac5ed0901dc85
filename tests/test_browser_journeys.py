# Copyright 2026 Kèpos SCIC
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The main journeys of each kind of user, in French, in the web client: what they
change is checked on the screen and then in the database. Each runs on a server of
its own (fresh_server) since it changes the demo data."""
from test_browser import journey, pytestmark  # noqa: F401


def _ref(server, xmlid):
    return server.login('admin', 'admin').ref(xmlid)


def _read(server, model, record_id, fields):
    return server.login('admin', 'admin').execute(model, 'read', [record_id], fields)[0]


def _form(model, record_id, action=None):
    url = '/web#model=%s&id=%d&view_type=form' % (model, record_id)
    return {'goto': url + ('&action=%s' % action if action else '')}


def test_member_a_publishes_a_need_and_sees_its_matches(fresh_server):
    journey(fresh_server, 'member_a', [
        {'app': 'Kèpos'}, {'menu': 'Coopération'}, {'menu': 'Offres et besoins'},
        {'click': 'Créer'}, {'select': 'direction', 'value': 'Besoin'},
        {'fill': 'name', 'value': 'Chutes de bois pour nos présentoirs'},
        {'fill': 'category_id', 'value': 'Chutes de bois'},
        {'fill': 'quantity', 'value': '20'},
        {'click': 'Sauvegarder'}, {'click': 'Publier'},
        {'expect': 'Publi', 'in': '.o_statusbar_status .btn-primary'},
        {'click': 'Offres correspondantes'},
        {'expect': 'Menuiserie du Réemploi', 'in': '.o_field_one2many'},
    ], 'synergy_publish_need')
    server = fresh_server.login('member_a')
    need = server.execute('kepos.resource', 'search_read', [
        ('name', '=', 'Chutes de bois pour nos présentoirs')],
        ['state', 'direction', 'match_count'])
    assert len(need) == 1
    assert (need[0]['state'], need[0]['direction']) == ('published', 'need')
    assert need[0]['match_count'] > 0


def test_staff_moves_a_project_to_the_study_stage(fresh_server):
    journey(fresh_server, 'kepos_staff', [
        {'app': 'Kèpos'}, {'menu': 'Accompagnement'}, {'menu': 'Projets'},
        {'open': 'Plateforme de répit pour les aidants'},
        {'expect': 'Idée', 'in': '.o_statusbar_status .btn-primary'},
        {'stage': "Étude d'opportunité"},
        {'expect': "Étude d'opportunité", 'in': '.o_statusbar_status .btn-primary'},
    ], 'incubator_stage')
    project = _read(fresh_server, 'kepos.incubation',
                    _ref(fresh_server, 'kepos_incubator.inc_aidants'), ['stage_kind'])
    assert project['stage_kind'] == 'study'


def test_manager_approves_a_subscription_and_prints_a_certificate(fresh_server):
    subscription = _ref(fresh_server, 'kepos_membership.sub_ferme')
    share_line = fresh_server.login('admin', 'admin').execute(
        'kepos.share.line', 'search', [('certificate_number', '!=', False)], limit=1)[0]
    journey(fresh_server, 'kepos_manager', [
        {'app': 'Kèpos'}, {'menu': 'Capital'}, {'menu': 'Souscriptions'},
        {'open': 'Ferme Urbaine de Laxou'},
        {'expect': 'Soumise', 'in': '.o_statusbar_status .btn-primary'},
        {'click': 'Approuver'},
        {'expect': 'Approuvée', 'in': '.o_statusbar_status .btn-primary'},
        _form('kepos.share.line', share_line), {'expect': 'CERT-'},
        {'pdf': '/report/pdf/kepos_membership.report_share_certificate/%d' % share_line},
    ], 'capital_approve')
    assert _read(fresh_server, 'kepos.subscription', subscription,
                 ['state'])['state'] == 'approved'


def test_member_a_pays_a_bill_by_compensation(fresh_server):
    bill = _ref(fresh_server, 'kepos_synergy.bill_bocal_from_velocargo')
    journey(fresh_server, 'member_a', [
        _form('account.invoice', bill, 'account.action_invoice_tree2'),
        {'expect': 'Vélo Cargo Stanislas'},
        {'click': 'Payer en compensation'},
        {'expect': 'Payer en compensation', 'in': '.modal'},
        {'click': 'Payer en compensation', 'in': '.modal-footer'},
        {'expect': 'Payée', 'in': '.o_statusbar_status .btn-primary'},
    ], 'barter_pay_invoice')
    assert _read(fresh_server, 'account.invoice', bill, ['state'])['state'] == 'paid'


def test_staff_schedules_the_business_fair(fresh_server):
    journey(fresh_server, 'kepos_staff', [
        {'app': 'Kèpos'}, {'menu': 'Événements'}, {'menu': "Salons d'affaires"},
        {'open': 'Salon Achetons responsable 2026'},
        {'click': "Salon d'affaires", 'in': '.nav-tabs'}, {'click': 'Planifier les rendez-vous'},
        {'menu': 'Événements'}, {'menu': 'Grille des rendez-vous'},
        {'expect': 'Table 1'}, {'expect': 'Camille Durand'},
    ], 'events_fair_schedule')
    fair = _ref(fresh_server, 'kepos_events.event_business_fair')
    assert fresh_server.login('admin', 'admin').execute(
        'kepos.b2b.meeting', 'search_count', [('event_id', '=', fair)])


def test_member_a_dashboard(server):
    journey(server, 'member_a', [
        {'app': 'Kèpos'}, {'expect': 'Ma société dans la coopérative'},
        {'expect': 'Mes parts'}, {'expect': 'Solde de troc'},
        {'expect': 'Mises en relation en attente'}, {'expect': 'Prochains événements'},
    ], 'dashboard_member')


def test_manager_dashboard(server):
    journey(server, 'kepos_manager', [
        {'app': 'Kèpos'}, {'expect': 'Les services de la coopérative'},
        {'expect': 'Projets en incubation'}, {'expect': 'Synergies en cours'},
        {'expect': "Prochain salon d'affaires"}, {'expect': 'Capital et gouvernance'},
        {'expect': 'Souscriptions à approuver'},
    ], 'dashboard_manager')
