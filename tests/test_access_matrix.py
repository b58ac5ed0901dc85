# Copyright 2026 Kèpos SCIC
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Who may do what: every kepos.* model and every field the Kèpos add-ons add to
Odoo's models, for each group, against the tables below; and what a member
must never learn of another member's private records, whatever the way it asks
(search, read, name_search, read_group, export).

A new model or field fails here until it is reviewed and added to a table: the
failure message gives the access it has today, to copy once checked."""
import pytest
from kepos_server import RpcError, commercial_partner_id

# The users, from the least to the most trusted: a plain internal user without
# any Kèpos group (an accountant of the cooperative, say), then the demo users.
PROFILES = ('user', 'member', 'staff', 'manager')
LOGINS = {'member': 'member_a', 'staff': 'kepos_staff', 'manager': 'kepos_manager'}
MODES = (('r', 'read'), ('w', 'write'), ('c', 'create'), ('u', 'unlink'))

# model: access letters (r read, w write, c create, u unlink) for
#        (plain internal user, Member, Staff, Manager). A model missing here
#        (e.g. a new one of another branch) fails the test with its line to add.
MATRIX = {
    'kepos.assembly': ('', 'r', 'rwc', 'rwcu'),
    'kepos.assembly.attendance': ('', 'r', 'rwcu', 'rwcu'),
    'kepos.b2b.meeting': ('', 'r', 'rwcu', 'rwcu'),
    'kepos.b2b.request': ('', 'rwc', 'rwcu', 'rwcu'),
    'kepos.b2b.slot': ('', 'r', 'rwcu', 'rwcu'),
    'kepos.b2b.table': ('', 'r', 'rwcu', 'rwcu'),
    'kepos.b2b.tag': ('', 'rc', 'rwcu', 'rwcu'),
    'kepos.barter.account': ('', 'r', 'rwcu', 'rwcu'),
    'kepos.barter.directory': ('', 'r', 'r', 'r'),
    'kepos.barter.indicator': ('', '', 'r', 'r'),
    'kepos.barter.transfer': ('', 'rwc', 'rwcu', 'rwcu'),
    'kepos.capital.request': ('', '', '', ''),
    'kepos.cohort': ('', 'r', 'rwc', 'rwcu'),
    'kepos.college': ('', 'r', 'r', 'rwcu'),
    'kepos.committee': ('', '', 'rwc', 'rwcu'),
    'kepos.committee.decision': ('', '', 'rwcu', 'rwcu'),
    'kepos.event.followup': ('', 'r', 'rwcu', 'rwcu'),
    'kepos.event.speaker': ('', 'r', 'rwcu', 'rwcu'),
    'kepos.funding.application': ('', 'rwc', 'rwcu', 'rwcu'),
    'kepos.funding.call': ('', 'r', 'rwcu', 'rwcu'),
    'kepos.grant': ('', '', 'rwc', 'rwcu'),
    'kepos.impact.mixin': ('', '', '', ''),
    'kepos.impact.report': ('', '', 'r', 'r'),
    'kepos.incubation': ('', 'r', 'rwc', 'rwcu'),
    'kepos.incubation.stage': ('', 'r', 'r', 'rwcu'),
    'kepos.incubation.tag': ('', 'r', 'rwcu', 'rwcu'),
    'kepos.joint.offer': ('', 'r', 'rwcu', 'rwcu'),
    'kepos.joint.offer.part': ('', 'r', 'rwcu', 'rwcu'),
    'kepos.knowledge.tag': ('', 'r', 'rwcu', 'rwcu'),
    'kepos.match': ('', 'rw', 'rwcu', 'rwcu'),
    'kepos.member.category': ('', 'r', 'r', 'rwcu'),
    'kepos.member.profile': ('', 'rwc', 'rwcu', 'rwcu'),
    'kepos.programme': ('', 'r', 'rwc', 'rwcu'),
    'kepos.reference.initiative': ('', 'r', 'rwcu', 'rwcu'),
    'kepos.resource': ('', 'rwcu', 'rwcu', 'rwcu'),
    'kepos.reminder.mixin': ('', '', '', ''),
    'kepos.resolution': ('', 'r', 'rwcu', 'rwcu'),
    'kepos.qpv.district': ('', 'r', 'rwcu', 'rwcu'),
    'kepos.resolution.result': ('', 'r', 'r', 'rwcu'),
    'kepos.rpc.policy': ('', '', '', ''),
    'kepos.resource.category': ('', 'r', 'rwcu', 'rwcu'),
    'kepos.share.line': ('', 'r', 'r', 'r'),
    'kepos.share.minimum': ('', 'r', 'r', 'rwcu'),
    'kepos.share.operation': ('', 'r', 'rwcu', 'rwcu'),
    'kepos.share.type': ('', 'r', 'r', 'rwcu'),
    'kepos.study.criterion': ('', '', 'r', 'rwcu'),
    'kepos.study.score': ('', '', 'rwcu', 'rwcu'),
    'kepos.subscription': ('', 'r', 'rwcu', 'rwcu'),
    'kepos.support.report': ('', 'r', 'r', 'r'),
    'kepos.support.request': ('', 'rwc', 'rwcu', 'rwcu'),
    'kepos.support.service': ('', 'r', 'rwcu', 'rwcu'),
    'kepos.synergy': ('', 'rwc', 'rwcu', 'rwcu'),
    'kepos.synergy.balance': ('', 'r', 'r', 'r'),
    'kepos.tender.bid': ('', 'r', 'rwcu', 'rwcu'),
    'kepos.tender.bid.feedback': ('', 'r', 'rwcu', 'rwcu'),
    'kepos.tender.bid.lot': ('', 'r', 'rwcu', 'rwcu'),
    'kepos.tender.document': ('', 'rw', 'rwcu', 'rwcu'),
    'kepos.tender.lot': ('', 'r', 'rwcu', 'rwcu'),
    'kepos.tender.member': ('', 'r', 'rwcu', 'rwcu'),
    'kepos.tender.share': ('', 'r', 'rwcu', 'rwcu'),
    'kepos.territorial.need': ('', 'r', 'rwcu', 'rwcu'),
    'kepos.theme': ('', 'r', 'rwcu', 'rwcu'),
    'kepos.training.attendance': ('', 'r', 'rwcu', 'rwcu'),
    'kepos.training.hours.report': ('', 'r', 'r', 'r'),
    'kepos.training.session': ('', 'r', 'rwcu', 'rwcu'),
    'kepos.vote': ('', 'rwcu', 'rwcu', 'rwcu'),
    # The public site: its checks and reads are abstract; the hashed form counts are the
    # server's (the board may read them).
    'kepos.website.form': ('', '', '', ''),
    'kepos.website.public': ('', '', '', ''),
    'kepos.website.throttle': ('', '', '', 'r'),
    'kepos.workflow.mixin': ('', '', '', ''),
}

# Wizards (transient models) have no access rights in Odoo: only their creator
# sees a wizard, and what it does is checked by the models it changes.
WIZARDS = {
    'kepos.b2b.slot.wizard',
    'kepos.dashboard',
    'kepos.barter.invoice.pay',
    'kepos.barter.statement',
    'kepos.barter.statement.line',
    'kepos.funder.report.wizard',
    'kepos.new.member.wizard',
    'kepos.register.report.wizard',
    'kepos.support.yearly.wizard',
    'kepos.synergy.balance.wizard',
}

# Fields the Kèpos add-ons add to Odoo's models: model -> (profiles that read
# all of them by default, {field: profiles that read it, when different}).
# Profiles as letters: p plain internal user, m Member, s Staff, M Manager.
EXTENDED_FIELDS = {
    'account.invoice': ('msM', {}),
    'account.journal': ('msM', {}),
    'account.payment': ('msM', {}),
    'crm.lead': ('msM', {}),
    'document.page': ('msM', {}),
    'event.event': ('pmsM', {}),
    'event.registration': ('pmsM', {}),
    # website_event lets every user (and the site's visitors) read the event categories.
    'event.type': ('pmsM', {}),
    'product.product': ('pmsM', {}),
    'product.template': ('pmsM', {}),
    'project.project': ('pmsM', {}),
    'res.company': ('pmsM', {}),
    'res.partner': ('pmsM', {'kepos_share_count': 'sM', 'kepos_share_amount': 'sM'}),
    'res.users': ('pmsM', {'kepos_share_count': 'sM', 'kepos_share_amount': 'sM'}),
}
PROFILE_LETTERS = dict(zip(PROFILES, 'pmsM'))


def _access(client, model):
    letters = ''
    for letter, mode in MODES:
        if client.execute(model, 'check_access_rights', mode, raise_exception=False):
            letters += letter
    return letters


@pytest.fixture(scope='module')
def clients(module_server):
    admin = module_server.login('admin', 'admin')
    group_user = admin.ref('base.group_user')
    admin.execute('res.users', 'create', {
        'name': 'Claire Petit', 'login': 'plain_user', 'password': 'plain_user',
        'groups_id': [(6, 0, [group_user])]})
    result = {'admin': admin, 'user': module_server.login('plain_user')}
    result.update((profile, module_server.login(login)) for profile, login in LOGINS.items())
    return result


def test_every_kepos_model_has_reviewed_access_rights(clients):
    admin = clients['admin']
    models = admin.execute('ir.model', 'search_read', [('model', '=like', 'kepos.%')],
                           ['model', 'transient'])
    problems = []
    for model in sorted(models, key=lambda m: m['model']):
        name = model['model']
        if model['transient']:
            if name not in WIZARDS:
                problems.append('%s: a new wizard, add it to WIZARDS' % name)
            continue
        actual = tuple(_access(clients[profile], name) for profile in PROFILES)
        expected = MATRIX.get(name)
        if expected is None:
            problems.append('%s: no entry in MATRIX; today it is    %r: %r,' % (name, name, actual))
        elif actual != expected:
            problems.append('%s: expected %r, got %r' % (name, expected, actual))
    known = {m['model'] for m in models}
    problems += ['%s: in the tables but no such model' % name
                 for name in sorted((set(MATRIX) | WIZARDS) - known)]
    assert not problems, 'access rights of the kepos models (user, member, staff, manager):\n' \
        + '\n'.join(problems)


def _kepos_fields_of_odoo_models(admin):
    """{model: [field]} of the fields that the Kèpos add-ons add to other models:
    named kepos_* by convention (their xmlids are no guide: a field that an
    Odoo module adds to a model is recorded under whichever module loads it)."""
    fields = admin.execute('ir.model.fields', 'search_read', [
        ('name', '=like', 'kepos_%'), ('model', 'not like', 'kepos.')], ['model', 'name'])
    result = {}
    for field in fields:
        result.setdefault(field['model'], []).append(field['name'])
    return result


def test_fields_added_to_odoo_models_have_reviewed_readers(clients):
    admin = clients['admin']
    problems = []
    for model, names in sorted(_kepos_fields_of_odoo_models(admin).items()):
        readers = {}
        for profile in PROFILES:
            client = clients[profile]
            if not client.execute(model, 'check_access_rights', 'read', raise_exception=False):
                continue
            visible = client.execute(model, 'fields_get', names, attributes=['type'])
            for name in visible:
                readers[name] = readers.get(name, '') + PROFILE_LETTERS[profile]
        actual = {name: readers.get(name, '') for name in names}
        if model not in EXTENDED_FIELDS:
            problems.append('%s: no entry in EXTENDED_FIELDS; today its readers are %r'
                            % (model, actual))
            continue
        default, exceptions = EXTENDED_FIELDS[model]
        for name in sorted(names):
            expected = exceptions.get(name, default)
            if actual[name] != expected:
                problems.append('%s.%s: readers expected %r, got %r'
                                % (model, name, expected, actual[name]))
        problems += ['%s.%s: in EXTENDED_FIELDS but no such Kèpos field' % (model, name)
                     for name in sorted(set(exceptions) - set(names))]
    assert not problems, 'readers (p plain user, m member, s staff, M manager) of the ' \
        'Kèpos fields of Odoo models:\n' + '\n'.join(problems)


def _private_records_of_b(admin):
    """{model: (ids, amount field)} of member_b's private records (seen as admin),
    leaving out what member_a shares with it (a transfer between them, an
    operation to it, a bill of member_b in member_a's books); for tenders, the consortia without member_a, and the
    grants, which only the staff see."""
    a, b = commercial_partner_id(admin, 'member_a'), commercial_partner_id(admin, 'member_b')
    company_a, company_b = (admin.ref(xmlid) for xmlid in (
        'kepos_membership.company_bocal', 'kepos_membership.company_velocargo'))
    not_of_a = ('bid_id', 'not in', [m['bid_id'][0] for m in admin.execute(
        'kepos.tender.member', 'search_read', [('partner_id', '=', a)], ['bid_id'])])
    domains = {
        'kepos.share.line': ([('partner_id.commercial_partner_id', '=', b)], 'amount'),
        'kepos.subscription': ([('partner_id.commercial_partner_id', '=', b)], 'quantity'),
        'kepos.share.operation': ([('partner_id.commercial_partner_id', '=', b),
                                   ('receiver_id.commercial_partner_id', '!=', a)], 'quantity'),
        'kepos.barter.account': ([('partner_id', '=', b)], 'balance'),
        'kepos.barter.transfer': ([
            '|', ('payer_account_id.partner_id', '=', b), ('payee_account_id.partner_id', '=', b),
            ('payer_account_id.partner_id', '!=', a), ('payee_account_id.partner_id', '!=', a)],
            'amount'),
        # member_a's own books hold bills of member_b: those are member_a's.
        'account.invoice': ([('company_id', '!=', company_a), '|', ('company_id', '=', company_b),
                             ('commercial_partner_id', '=', b)], 'amount_total'),
        'account.move.line': ([('company_id', '!=', company_a), '|', ('company_id', '=', company_b),
                               ('partner_id.commercial_partner_id', '=', b)], 'balance'),
        # The demo consortia all hold member_a or none of the two: any other one.
        'kepos.tender.bid.lot': ([not_of_a], 'amount'),
        'kepos.tender.share': ([not_of_a], 'amount'),
        'kepos.grant': ([], 'amount_granted'),
        'kepos.funding.application': ([('partner_id', '=', b)], 'amount_obtained'),
        'kepos.support.request': ([('partner_id', '=', b)], 'hours'),
    }
    return a, b, {model: (admin.execute(model, 'search', domain), field)
                  for model, (domain, field) in domains.items()}


def _assert_access_error(call, *args, **kwargs):
    with pytest.raises(RpcError) as error:
        call(*args, **kwargs)
    assert error.value.name == 'odoo.exceptions.AccessError', error.value


def test_member_a_learns_nothing_of_member_b_private_records(clients):
    _a, _b, private = _private_records_of_b(clients['admin'])
    member = clients['member']
    for model, (ids, amount) in private.items():
        assert ids, '%s: the demo data should hold private records of member_b' % model
        if not member.execute(model, 'check_access_rights', 'read', raise_exception=False):
            _assert_access_error(member.execute, model, 'search', [])
            continue
        domain = [('id', 'in', ids)]
        assert member.execute(model, 'search', domain) == [], model
        assert member.execute(model, 'search_count', []) == len(member.execute(model, 'search', []))
        _assert_access_error(member.execute, model, 'read', ids[:1], ['display_name'])
        _assert_access_error(member.execute, model, 'export_data', ids[:1], ['id', amount])
        found = {i for i, _name in member.execute(model, 'name_search', '', [], 'ilike', 1000)}
        assert not found & set(ids), model
        groups = member.execute(model, 'read_group', domain, [amount], [])
        assert not groups or not groups[0][amount], (model, groups)
        # A total over everything the member may see leaves member_b's records out.
        [total] = member.execute(model, 'read_group', [], [amount], [])
        own = member.execute(model, 'search_read', [], [amount])
        assert (total[amount] or 0) == pytest.approx(sum(r[amount] or 0 for r in own)), model


def test_member_a_does_not_see_the_amounts_of_other_consortia(clients):
    admin, member = clients['admin'], clients['member']
    a, _b, _private = _private_records_of_b(admin)
    others = [bid for bid in admin.execute('kepos.tender.bid', 'search', [])
              if a not in [m['partner_id'][0] for m in admin.execute(
                  'kepos.tender.member', 'search_read', [('bid_id', '=', bid)],
                  ['partner_id'])]]
    assert others, 'the demo data should hold a bid without member_a'
    amounts = admin.execute('kepos.tender.bid', 'read', others, ['amount_total'])
    assert any(r['amount_total'] for r in amounts)
    for record in member.execute('kepos.tender.bid', 'read', others,
                                 ['amount_total', 'can_see_amounts']):
        assert not record['amount_total'] and not record['can_see_amounts'], record
    rows = member.execute('kepos.tender.bid', 'export_data', others,
                          ['amount_total', 'bid_lot_ids/amount', 'member_ids/amount_total'])
    assert not any(value not in ('', '0.0', '0', False, None)
                   for row in rows['datas'] for value in row), rows
