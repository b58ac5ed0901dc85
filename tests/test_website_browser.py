# Copyright 2026 Kèpos SCIC
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""A visitor of the public site in a real headless Chromium
(tests/browser/visitor.js): asks a member for a quote, registers to an event,
sends a need of its district; then the staff finds each of them in the back
office. Screenshots under var/screenshots/."""
import os

from test_browser import SHOTS, journey, pytestmark, run_script  # noqa: F401


def visit(server, steps, name):
    return run_script('visitor.js', {'url': server.url, 'steps': steps}, name)


def shot(name):
    return {'shot': os.path.join(SHOTS, name + '.png')}


def test_home_page_in_french(module_server):
    visit(module_server, [
        {'goto': '/'}, {'expect': 'la coopérative de la transition écologique à Nancy'},
        {'expect': 'Prochains événements'}, {'expect': 'Table ronde – Manger local dans les quartiers'},
    ], 'website_home')


def test_visitor_asks_for_a_quote(module_server):
    visit(module_server, [
        {'goto': '/offres'}, {'expect': 'Offres mutualisées'},
        shot('website_marketplace'),
        {'click': 'Bilan carbone simplifié'}, {'expect': 'Demander un devis'},
        {'fill': 'contact_name', 'value': 'Hélène Marchal'},
        {'fill': 'email_from', 'value': 'helene@example.org'},
        {'fill': 'partner_name', 'value': 'Boulangerie des Trois Maisons'},
        {'fill': 'description', 'value': 'Un bilan carbone pour nos deux boutiques.'},
        {'check': 'consent'}, shot('website_quote_form'),
        {'submit': '.kepos_quote_form'}, {'expect': 'votre demande a été transmise au membre'},
    ], 'website_quote_sent')
    admin = module_server.login('admin', 'admin')
    [lead] = admin.execute('crm.lead', 'search_read', [('email_from', '=', 'helene@example.org')],
                           ['kepos_seller_id', 'partner_name', 'kepos_consent_date'])
    assert lead['kepos_seller_id'][0] == admin.ref('kepos_membership.member_captransition')
    assert lead['kepos_consent_date']


def test_visitor_registers_to_an_event(module_server):
    admin = module_server.login('admin', 'admin')
    event = admin.ref('kepos_website.event_round_table_food')
    visit(module_server, [
        {'goto': '/event'}, {'click': 'Table ronde – Manger local dans les quartiers'},
        {'expect': "S'inscrire maintenant"}, {'click_js': '#registration_form button[type=submit]'},
        {'wait': '#modal_attendees_registration input[name="1-name"]'},
        {'fill': '1-name', 'value': 'Karim Benali'}, {'fill': '1-email', 'value': 'karim@example.org'},
        {'check': '0-kepos_consent'}, shot('website_event_attendee'),
        {'submit': '#attendee_registration'}, {'expect': 'Karim Benali'},
    ], 'website_event_registered')
    [registration] = admin.execute('event.registration', 'search_read',
                                   [('email', '=', 'karim@example.org')],
                                   ['event_id', 'state', 'kepos_consent_date'])
    assert registration['event_id'][0] == event
    assert registration['state'] == 'open' and registration['kepos_consent_date']


def test_resident_sends_a_need(module_server):
    visit(module_server, [
        {'goto': '/quartiers-en-transition'}, {'expect': 'Que manque-t-il dans votre quartier'},
        {'fill': 'name', 'value': 'Un atelier de réparation de vélos'},
        {'fill': 'description', 'value': 'Les jeunes du quartier n\'ont nulle part où réparer leur vélo.'},
        {'fill': 'district', 'value': 'Plateau de Haye'},
        {'select': 'theme', 'value': 'mobility'},
        {'fill': 'concerned', 'value': 'Les collégiens et leurs parents'},
        {'check': 'consent'}, shot('website_need_form'),
        {'submit': '.kepos_need_form'}, {'expect': 'votre besoin a bien été reçu'},
    ], 'website_need_sent')
    admin = module_server.login('admin', 'admin')
    [need] = admin.execute('kepos.territorial.need', 'search_read',
                           [('name', '=', 'Un atelier de réparation de vélos')],
                           ['state', 'source', 'qpv'])
    assert (need['state'], need['source'], need['qpv']) == ('submitted', 'resident', True)
    # The staff finds it in the back office, accepts it.
    journey(module_server, 'kepos_staff', [
        {'goto': '/web#model=kepos.territorial.need&view_type=form&id=%d' % need['id']},
        {'expect': 'Un atelier de réparation de vélos'}, {'expect': 'Habitant'},
        {'expect': 'Plateau de Haye'}, {'click': 'Accepter'}, {'expect': 'Qualifier'},
    ], 'website_need_backoffice')
