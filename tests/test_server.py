"""The server started the way `make run` does: login over JSON-RPC, the Kèpos menu."""
import pytest
from kepos_server import RpcError


def _menu_names(menus):
    names = {}
    stack = list(menus['children'])
    while stack:
        menu = stack.pop()
        names[menu['id']] = menu['name']
        stack.extend(menu.get('children', []))
    return names


def test_login_page_served(server):
    import requests
    reply = requests.get(server.url + '/web/login')
    assert reply.status_code == 200
    assert 'name="login"' in reply.text


def test_member_a_sees_kepos_menu_in_french(server):
    member = server.login('member_a')
    user = member.execute('res.users', 'read', [member.uid], ['lang', 'company_id'])[0]
    assert user['lang'] == 'fr_FR'
    assert user['company_id'][1] == 'Le Bocal Nancéien'
    admin = server.login('admin', 'admin')
    root = admin.ref('kepos_membership.menu_kepos_root')
    membership = admin.ref('kepos_membership.menu_kepos_membership')
    menus = member.execute('ir.ui.menu', 'load_menus', False, context={'lang': 'fr_FR'})
    names = _menu_names(menus)
    assert names[root] == 'Kèpos'
    assert names[membership] == 'Sociétariat'


def test_member_cannot_read_other_member_company_invoices(server):
    admin = server.login('admin', 'admin')
    company_b = admin.ref('kepos_membership.company_velocargo')
    member = server.login('member_a')
    assert member.execute('account.invoice', 'search', [('company_id', '=', company_b)]) == []
    with pytest.raises(RpcError) as error:
        member.execute('res.company', 'write', [company_b], {'name': 'x'})
    assert 'AccessError' in error.value.name


def test_wrong_password_refused(server):
    with pytest.raises(RpcError):
        server.login('member_a', 'not-the-password')


def test_server_log_is_clean(server):
    server.login('admin', 'admin')
    assert server.errors_in_log() == []
