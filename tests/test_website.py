# Copyright 2026 Kèpos SCIC
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The public site as an anonymous visitor sees it, over HTTP: French pages,
forms that store what they should and refuse the rest, no private value on
any public page (the privacy crawl), no data over the RPC routes."""
import re
from urllib.parse import urljoin, urlparse

import pytest
import requests

from kepos_server import RpcError

# Pages the crawl does not follow: the back office, the portal and the
# downloads (they are not pages of the site); events' filter combinations.
SKIP = re.compile(r'^/(web($|/(?!login))|my|shop|report|longpolling|logo|'
                  r'website/(image|static)|[a-z_]+/static|web_editor)'
                  r'|\.(css|js|png|jpg|ico|svg|ics|pdf)$')
MAX_PAGES = 250


@pytest.fixture(scope='module')
def site(module_server):
    admin = module_server.login('admin', 'admin')
    # Many forms are sent from one address in this file: lift the hourly limit.
    admin.execute('ir.config_parameter', 'set_param', 'kepos_website.forms_per_hour', '1000')
    return module_server, admin


def _form(session, url):
    page = session.get(url)
    assert page.status_code == 200, url
    token = re.search(r'name="csrf_token" value="([^"]+)"', page.text).group(1)
    return page.text, token


def _post_need(server, **extra):
    session = requests.Session()
    _text, token = _form(session, server.url + '/quartiers-en-transition')
    data = {'csrf_token': token, 'name': 'Une laverie solidaire',
            'description': 'Aucune laverie à moins de deux kilomètres.',
            'district': 'Haussonville', 'theme': 'care', 'consent': '1',
            'concerned': 'Les familles des tours'}
    data.update(extra)
    return session.post(server.url + '/quartiers-en-transition', data=data)


def test_home_in_french_with_figures_and_meta(site):
    server, _admin = site
    home = requests.get(server.url + '/')
    assert home.status_code == 200
    assert 'la coopérative de la transition écologique à Nancy' in home.text
    assert 'entreprises sociétaires' in home.text and 'Prochains événements' in home.text
    assert re.search(r'<meta name="description" content="[^"]{20,}"', home.text)
    assert 'website_cookie_notice' in home.text
    for path in ('/membres', '/offres', '/bonnes-pratiques', '/quartiers-en-transition',
                 '/contact', '/event', '/legal/advice', '/legal/privacy-policy'):
        page = requests.get(server.url + path)
        assert page.status_code == 200, path
        assert '<html lang="fr-FR"' in page.text, path
        assert re.search(r'<meta name="description" content="[^"]+"', page.text), path


def test_residents_need_is_stored_submitted(site):
    server, admin = site
    answer = _post_need(server)
    assert answer.status_code == 200 and 'votre besoin a bien été reçu' in answer.text
    [need] = admin.execute('kepos.territorial.need', 'search_read',
                           [('name', '=', 'Une laverie solidaire')],
                           ['state', 'source', 'qpv', 'district', 'kepos_consent_date'])
    assert (need['state'], need['source'], need['qpv'], need['district']) == \
        ('submitted', 'resident', True, 'Haussonville')
    assert need['kepos_consent_date']


def test_bad_input_gets_a_clear_french_message(site):
    server, admin = site
    answer = _post_need(server, name='Sans consentement', consent='')
    assert "Merci d'accepter que nous conservions vos données" in answer.text
    answer = _post_need(server, name='x' * 121)
    assert 'trop long (120 caractères au plus)' in answer.text
    answer = _post_need(server, name='Robot', website_url_confirm='http://spam.example')
    assert "Votre message n'a pas pu être envoyé" in answer.text
    assert not admin.execute('kepos.territorial.need', 'search', [
        ('name', 'in', ['Sans consentement', 'Robot'])])


def test_hourly_limit_per_address(site):
    server, admin = site
    admin.execute('ir.config_parameter', 'set_param', 'kepos_website.forms_per_hour', '0')
    try:
        answer = _post_need(server, name='Trop tard')
    finally:
        admin.execute('ir.config_parameter', 'set_param', 'kepos_website.forms_per_hour', '1000')
    assert 'Trop de formulaires' in answer.text
    assert not admin.execute('kepos.territorial.need', 'search', [('name', '=', 'Trop tard')])


def test_quote_request_reaches_the_seller(site):
    server, admin = site
    product = admin.ref('kepos_synergy.product_captransition_carbon')
    session = requests.Session()
    page, token = _form(session, server.url + '/offres/produit/%d' % product)
    assert 'Demander un devis' in page
    answer = session.post(server.url + '/offres/devis', data={
        'csrf_token': token, 'product_id': product, 'contact_name': 'Nina Roux',
        'email_from': 'nina@example.org', 'description': 'Bilan pour 30 salariés',
        'consent': '1'})
    assert 'votre demande a été transmise au membre' in answer.text
    [lead] = admin.execute('crm.lead', 'search_read', [('email_from', '=', 'nina@example.org')],
                           ['kepos_seller_id', 'kepos_website_origin', 'company_id'])
    assert lead['kepos_seller_id'][0] == admin.ref('kepos_membership.member_captransition')
    assert admin.execute('mail.mail', 'search_count', [('email_to', '=', 'nina@example.org')])


def test_anonymous_rpc_reads_nothing(site):
    server, _admin = site
    session = requests.Session()
    session.get(server.url + '/')
    for path, params in (
            ('/web/dataset/call_kw', {'model': 'res.partner', 'method': 'search_read',
                                      'args': [[]], 'kwargs': {'fields': ['kepos_share_amount']}}),
            ('/web/dataset/search_read', {'model': 'kepos.barter.account', 'fields': ['balance']}),
            ('/web/dataset/call_kw', {'model': 'kepos.website.public', 'method': '_kepos_figures',
                                      'args': [], 'kwargs': {}})):
        reply = session.post(server.url + path, json={
            'jsonrpc': '2.0', 'method': 'call', 'params': params}).json()
        assert 'error' in reply and 'result' not in reply, (path, reply)
    public_uid = 4
    for uid, password in ((public_uid, ''), (public_uid, 'public'), (False, '')):
        with pytest.raises(RpcError):
            server.call('object', 'execute_kw', server.db, uid, password,
                        'kepos.barter.account', 'search_read', [[]], {'fields': ['balance']})


def _money(value):
    """The ways a page could print an amount."""
    whole, cents = ('%.2f' % abs(value)).split('.')
    grouped = '{:,}'.format(int(whole))
    forms = {'%s.%s' % (whole, cents), '%s,%s' % (whole, cents), '%s.%s' % (grouped, cents)}
    for sep in (' ', '\u00a0', '\u202f', '.'):
        forms.add('%s,%s' % (grouped.replace(',', sep), cents))
    return forms


def _private_values(admin):
    """What no public page may show, read as admin first."""
    amounts = set()
    for model, field in (('kepos.share.line', 'amount'), ('kepos.subscription', 'amount'),
                         ('kepos.barter.account', 'balance'), ('kepos.grant', 'amount_granted'),
                         ('kepos.grant', 'amount_requested'), ('kepos.tender.bid.lot', 'amount'),
                         ('kepos.tender.share', 'amount'), ('res.partner', 'kepos_share_amount')):
        for row in admin.execute(model, 'search_read', [], [field]):
            if row[field] and abs(row[field]) >= 10:
                amounts |= _money(row[field])
    texts = set()
    for model, field in (('kepos.support.request', 'name'), ('kepos.resolution', 'name'),
                         ('kepos.grant', 'name')):
        texts |= {row[field] for row in admin.execute(model, 'search_read', [], [field])
                  if row[field] and len(row[field]) > 12}
    votes = admin.execute('kepos.vote', 'search_read', [], ['choice'])
    return amounts, texts, votes


def _crawl(server):
    """Every page reachable from / and from the sitemap, as an anonymous visitor."""
    session = requests.Session()
    sitemap = session.get(server.url + '/sitemap.xml').text
    todo = ['/'] + [urlparse(loc).path for loc in re.findall(r'<loc>([^<]+)</loc>', sitemap)]
    seen, pages = set(), {}
    while todo and len(pages) < MAX_PAGES:
        path = todo.pop(0)
        if path in seen or SKIP.search(path.split('?')[0]):
            continue
        seen.add(path)
        answer = session.get(server.url + path, allow_redirects=False)
        if answer.status_code != 200 or 'text/html' not in answer.headers.get('Content-Type', ''):
            continue
        pages[path] = answer.text
        for href in re.findall(r'href="([^"#]+)', answer.text):
            url = urlparse(urljoin(server.url + path, href.replace('&amp;', '&')))
            if url.netloc == urlparse(server.url).netloc and not url.query.count('&') > 1:
                todo.append(url.path + ('?' + url.query if url.query else ''))
    return pages


def test_privacy_crawl(site):
    server, admin = site
    amounts, texts, votes = _private_values(admin)
    assert amounts and texts and votes, 'the demo data should hold private values'
    pages = _crawl(server)
    assert {'/', '/membres', '/offres', '/quartiers-en-transition', '/bonnes-pratiques',
            '/legal/privacy-policy'} <= set(pages)
    assert any(path.startswith('/membres/') for path in pages)
    assert any(path.startswith('/event/') for path in pages)
    leaks = []
    for path, page in pages.items():
        text = re.sub(r'<script.*?</script>|<style.*?</style>', '', page, flags=re.S)
        leaks += ['%s: amount %s' % (path, value) for value in amounts if value in text]
        leaks += ['%s: %r' % (path, value) for value in texts if value in text]
        # Vote choices as the web client labels them ("Pour", "Contre", "Abstention").
        leaks += ['%s: a vote' % path for label in ('Abstention',) if label in text]
    assert not leaks, '\n'.join(leaks[:50])
    print('privacy crawl: %d pages, %d amounts and %d texts checked'
          % (len(pages), len(amounts), len(texts)))


def test_hidden_members_never_appear(site):
    server, admin = site
    hidden = admin.execute('kepos.member.profile', 'search_read',
                           [('kepos_website_published', '=', False)], ['name'])
    assert hidden
    pages = _crawl(server)
    for path, page in pages.items():
        for profile in hidden:
            assert profile['name'] not in page, (path, profile['name'])


def test_event_registration_needs_the_consent(site):
    server, admin = site
    event = admin.ref('kepos_website.event_round_table_food')
    session = requests.Session()
    _page, token = _form(session, server.url + '/event/%d/register' % event)
    data = {'csrf_token': token, '1-name': 'Sans Accord', '1-email': 'sans.accord@example.org',
            '1-ticket_id': '0'}
    answer = session.post(server.url + '/event/%d/registration/confirm' % event, data=data)
    assert "Merci d'accepter que nous conservions vos données" in answer.text
    assert not admin.execute('event.registration', 'search',
                             [('email', '=', 'sans.accord@example.org')])
    data['0-kepos_consent'] = '1'
    answer = session.post(server.url + '/event/%d/registration/confirm' % event, data=data)
    assert answer.status_code == 200
    [registration] = admin.execute('event.registration', 'search_read',
                                   [('email', '=', 'sans.accord@example.org')],
                                   ['event_id', 'kepos_consent_date'])
    assert registration['event_id'][0] == event and registration['kepos_consent_date']
