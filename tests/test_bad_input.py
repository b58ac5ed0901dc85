# Copyright 2026 Kèpos SCIC
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Malformed values sent over JSON-RPC, as a Member, to the create and write of
every kepos model a member may change: each must end in a clean, translated
error (UserError, ValidationError, AccessError, MissingError), never in a
traceback, a database error in the log or an HTTP 500, and change nothing.

Huge strings are the exception: 1 MB in a name or a description is big, not
malformed, and Odoo stores it; the sweep only checks that it goes through
cleanly (and puts the value back)."""
import os

from kepos_server import RpcError, commercial_partner_id

CLEAN_ERRORS = {'odoo.exceptions.%s' % name for name in (
    'UserError', 'ValidationError', 'AccessError', 'MissingError', 'Warning')}
# Fields holding a quantity or an amount: a negative value is refused.
POSITIVE_HINTS = ('quantity', 'amount', 'price', 'hours', 'count', 'km', 'kg', 'limit')
SKIPPED_TYPES = {'one2many', 'many2many', 'binary', 'boolean', 'reference', 'serialized'}
HUGE = 'x' * (1 << 20)
# Many2one fields that say whom a record belongs to: pointing them at member_b's
# records is refused. {model: {field: model of member_b's record}}
OWNER_FIELDS = {
    'kepos.support.request': {'partner_id': 'res.partner'},
    'kepos.funding.application': {'partner_id': 'res.partner'},
    'kepos.resource': {'partner_id': 'res.partner'},
    'kepos.member.profile': {'partner_id': 'res.partner'},
    'kepos.barter.transfer': {'payer_account_id': 'kepos.barter.account'},
    'kepos.b2b.request': {'requester_id': 'event.registration'},
}


def _bad_values(name, field):
    kind = field['type']
    if kind in ('char', 'text', 'html'):
        return []
    values = [['not', 'a', 'scalar']]
    if kind in ('integer', 'float', 'monetary', 'many2one'):
        values.append('abc')
    if kind in ('integer', 'many2one'):
        values.append(2 ** 40)
    if kind == 'float' and field.get('digits'):
        values.append(10.0 ** field['digits'][0])  # more digits than the column
    if kind in ('integer', 'float', 'monetary') and any(h in name for h in POSITIVE_HINTS):
        values.append(-5)
    if kind == 'many2one':
        values += [-1, 2 ** 31 - 1]
    if kind == 'selection':
        values.append('no_such_value')
    if kind in ('date', 'datetime'):
        values += ['not a date', '2026-13-45']
    return values


class Sweep:
    """Sends the cases and collects what went wrong."""

    def __init__(self, server, member):
        self.server, self.member, self.problems = server, member, []
        self.outcomes = {}  # 'model.method': cases sent

    def send(self, label, method, *args, accepted=False):
        with open(self.server.log, errors='replace') as log:
            log.seek(0, os.SEEK_END)
            start = log.tell()
        outcome = 'accepted'
        try:
            result = self.member.execute(args[0], method, *args[1:])
        except RpcError as error:
            result, outcome = None, error.name
            if error.name not in CLEAN_ERRORS:
                self.problems.append('%s: %s (%s)' % (label, error.name, error.message[:200]))
        else:
            if not accepted:
                self.problems.append('%s: accepted' % label)
        with open(self.server.log, errors='replace') as log:
            log.seek(start)
            errors = [line for line in log if ' ERROR ' in line or ' CRITICAL ' in line]
        key = label.split('(')[0]
        self.outcomes[key] = self.outcomes.get(key, 0) + 1
        if errors:
            self.problems.append('%s: %s, and the log says %s' % (label, outcome, errors[0][:300]))
        return result


def _member_ids(admin):
    """member_a's and member_b's companies, and member_b's records that a
    many2one saying whom a record belongs to may point at."""
    a, b = commercial_partner_id(admin, 'member_a'), commercial_partner_id(admin, 'member_b')
    foreign = {
        'res.partner': b,
        'kepos.barter.account': admin.execute('kepos.barter.account', 'search',
                                              [('partner_id', '=', b)])[0],
        'event.registration': admin.execute('event.registration', 'search',
                                            [('kepos_member_id', '=', b)])[0],
    }
    return a, b, foreign


def _create_bases(admin, a, b, foreign):
    """Valid values of a create by member_a, for each model it may create: the
    sweep spoils one field at a time. None: member_a cannot create one more
    (one profile per member), only a duplicate is tried."""
    pallet = admin.ref('kepos_synergy.category_pallet')
    unit = admin.ref('product.product_uom_unit')
    fair = admin.ref('kepos_events.event_business_fair')
    registrations = admin.execute('event.registration', 'search_read',
                                  [('event_id', '=', fair)], ['kepos_member_id'])
    own = [r['id'] for r in registrations if r['kepos_member_id'] and r['kepos_member_id'][0] == a]
    asked = {(r['requester_id'][0], r['requested_id'][0]) for r in admin.execute(
        'kepos.b2b.request', 'search_read', [('event_id', '=', fair)],
        ['requester_id', 'requested_id'])}
    [requested] = [r['id'] for r in registrations
                   if r['id'] not in own and (own[0], r['id']) not in asked
                   and (r['id'], own[0]) not in asked][:1]
    return {
        'kepos.b2b.tag': {'name': 'Vrac en consigne'},
        'kepos.b2b.request': {'event_id': fair, 'requester_id': own[0],
                              'requested_id': requested, 'message': 'Parlons consigne'},
        'kepos.support.request': {'name': 'Statuts de la SAS', 'kind': 'legal'},
        'kepos.funding.application': {
            'call_id': admin.ref('kepos_incubator.funding_call_mobility'),
            'amount_requested': 12000},
        'kepos.member.profile': None,
        'kepos.resource': {'name': 'Cagettes en bois', 'direction': 'offer',
                           'category_id': pallet, 'quantity': 40, 'uom_id': unit},
        'kepos.synergy': {'name': 'Cagettes pour les livraisons', 'supplier_id': a,
                          'receiver_id': b, 'category_id': pallet, 'quantity': 40,
                          'uom_id': unit},
        'kepos.barter.transfer': {'payee_account_id': foreign['kepos.barter.account'],
                                  'amount': 25.0, 'memo': 'Livraison de cagettes'},
        # The demo's December assembly is open to the vote; member_a is present.
        'kepos.vote': {'resolution_id': admin.ref('kepos_membership.resolution_december_budget'),
                       'partner_id': a, 'choice': 'yes'},
    }


def _count(admin, model):
    try:
        return admin.execute(model, 'search_count', [], context={'active_test': False})
    except RpcError:  # an abstract model: no table
        return None


def _snapshot(admin, models):
    """What must not move: the rows of every kepos table, the barter balances and
    the shares held."""
    counts = {model: _count(admin, model) for model in models}
    balances = admin.execute('kepos.barter.account', 'search_read', [], ['balance'])
    shares = admin.execute('res.partner', 'search_read', [('kepos_share_count', '!=', 0)],
                           ['kepos_share_count', 'kepos_share_amount'])
    return counts, balances, shares


def _writable_record(member, model):
    for record_id in member.execute(model, 'search', [], limit=50):
        try:
            member.execute(model, 'check_access_rule', [record_id], 'write')
        except RpcError:
            continue
        return record_id
    return None


def _stored_fields(member, model):
    fields = member.execute(model, 'fields_get', [],
                            attributes=['type', 'store', 'selection', 'readonly', 'digits'])
    return {name: field for name, field in fields.items()
            if field.get('store') and field['type'] not in SKIPPED_TYPES
            and name not in ('id', 'create_uid', 'create_date', 'write_uid', 'write_date')
            and not name.startswith(('message_', 'activity_', 'website_message'))}


def _cases(model, fields, foreign):
    cases = [(name, value) for name, field in sorted(fields.items())
             for value in _bad_values(name, field)]
    cases += [(name, foreign[comodel]) for name, comodel in OWNER_FIELDS.get(model, {}).items()]
    if 'state' in fields:
        cases += [('state', value) for value, _label in fields['state']['selection']]
    return cases


def _sweep_writes(sweep, model, record_id, fields, cases):
    """Spoil each field of a record of member_a; returns its values before."""
    member = sweep.member
    [original] = member.execute(model, 'read', [record_id], list(fields))
    for name, value in cases:
        if not (name == 'state' and value == original['state']):
            sweep.send('%s.write(%s=%.40r)' % (model, name, value), 'write', model,
                       [record_id], {name: value})
    for name, field in sorted(fields.items()):
        if field['type'] in ('char', 'text', 'html') and not field['readonly']:
            if sweep.send('%s.write(%s=1 MB)' % (model, name), 'write', model,
                          [record_id], {name: HUGE}, accepted=True):
                member.execute(model, 'write', [record_id], {name: original[name]})
    return {k: v for k, v in original.items() if k not in ('write_date', '__last_update')}


def _sweep_creates(sweep, model, base, cases, created):
    """Spoil each field of a valid create; a create accepted by mistake is
    recorded in `created` for the clean-up."""
    member = sweep.member
    default_state = member.execute(model, 'default_get', ['state']).get('state')
    for name, value in cases:
        if not (name == 'state' and value == default_state):
            created += [(model, sweep.send('%s.create(%s=%.40r)' % (model, name, value),
                                           'create', model, dict(base, **{name: value})))]


def test_bad_input_is_refused_cleanly_and_changes_nothing(module_server):
    admin = module_server.login('admin', 'admin')
    member = module_server.login('member_a')
    models = [m['model'] for m in admin.execute(
        'ir.model', 'search_read', [('model', '=like', 'kepos.%'), ('transient', '=', False)],
        ['model'])]
    targets = [m for m in models if any(
        member.execute(m, 'check_access_rights', mode, raise_exception=False)
        for mode in ('create', 'write'))]
    a, b, foreign = _member_ids(admin)
    bases = _create_bases(admin, a, b, foreign)
    sweep = Sweep(module_server, member)
    # Each valid create goes through, and a second one is either a duplicate
    # refused cleanly or a second record, removed at once. The first one, fresh
    # in its first state, takes the writes; it is removed at the end.
    probes, fresh = [], {}
    for model in targets:
        if not member.execute(model, 'check_access_rights', 'create', raise_exception=False):
            continue
        assert model in bases, '%s: member_a may create it, give it valid values in ' \
            '_create_bases' % model
        if bases[model] is None:
            sweep.send('%s.create(duplicate)' % model, 'create', model, {'partner_id': a})
            continue
        fresh[model] = member.execute(model, 'create', bases[model])
        probes.append((model, sweep.send('%s.create(twice)' % model, 'create', model,
                                         bases[model], accepted=True)))
    for model, record_id in probes:
        if record_id:
            admin.execute(model, 'unlink', [record_id])

    models = [model for model in models if _count(admin, model) is not None]
    before = _snapshot(admin, models)
    records, created = {}, []
    for model in targets:
        fields = _stored_fields(member, model)
        cases = _cases(model, fields, foreign)
        record_id = fresh.get(model) or _writable_record(member, model)
        if record_id:
            records[model] = (record_id, _sweep_writes(sweep, model, record_id, fields, cases))
        if bases.get(model):
            _sweep_creates(sweep, model, bases[model], cases, created)
    after = _snapshot(admin, models)
    for model, record_id in created:
        if record_id:
            admin.execute(model, 'unlink', [record_id])

    for model, (record_id, original) in records.items():
        [now] = admin.execute(model, 'read', [record_id], list(original))
        changed = {k: (v, now[k]) for k, v in original.items() if now[k] != v}
        if changed:
            sweep.problems.append('%s,%d changed: %.300r' % (model, record_id, changed))
    sweep.problems += ['rows of %s: %s -> %s' % (model, count, after[0][model])
                       for model, count in sorted(before[0].items())
                       if after[0][model] != count]
    for name, old, new in zip(('barter balances', 'shares'), before[1:], after[1:]):
        if old != new:
            sweep.problems.append('%s changed: %.500r -> %.500r' % (name, old, new))
    for model, record_id in reversed(list(fresh.items())):
        admin.execute(model, 'unlink', [record_id])
    assert set(records) >= {'kepos.support.request', 'kepos.resource', 'kepos.match'}, records
    swept = {label.rsplit('.', 1)[0] for label in sweep.outcomes}
    assert swept == set(targets), 'not swept: %s' % (set(targets) - swept)
    assert not sweep.problems, '%d problems:\n' % len(sweep.problems) + '\n'.join(sweep.problems)
