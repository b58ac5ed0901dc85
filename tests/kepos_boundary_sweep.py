# Copyright 2026 Kèpos SCIC
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The sweep of one model for the RPC boundary test (test_rpc_boundary.py):
the records each client tries, (a) the fields it may not set, (b) the
declared methods where they must be refused, and the admin's comparison of
the records before and after."""
import kepos_boundary as kb
from kepos_boundary import ROLE_CLIENTS, keep_sample, sample_of

# Methods whose positional arguments Odoo fixes (report models: docids).
KNOWN_SIGNATURES = {'get_report_values': [[]]}


def _probe_targets(boundary, model, fields):
    """{client: (record id or None, writable)} and member_a's foreign records:
    {'member': id it may not write, 'member_read': id it may not read}."""
    admin, policy = boundary.admin, boundary.policy[model]
    if policy['transient']:
        return _own_wizards(boundary, model, fields), {}
    admin_ids = admin.execute(model, 'search', [], limit=40)
    targets, foreign = {}, {}
    for name, client in boundary.clients.items():
        if not boundary.allowed(name, model, 'read'):
            targets[name] = (admin_ids[0] if admin_ids else None, False)
            continue
        readable = kb.call(client, model, 'search', [], limit=6).result or []
        writable = None
        if boundary.allowed(name, model, 'write'):
            for record_id in readable[:3]:
                if kb.call(client, model, 'check_access_rule', [record_id], 'write').ok:
                    writable = record_id
                    break
                if name == 'member':
                    foreign.setdefault('member', record_id)  # read, not write
        targets[name] = (writable, True) if writable else (
            readable[0] if readable else (admin_ids[0] if admin_ids else None), False)
        if name == 'member':
            seen = set(kb.call(client, model, 'search', [('id', 'in', admin_ids)]).result or [])
            unread = [i for i in admin_ids if i not in seen]
            if 'member' not in foreign and boundary.allowed(name, model, 'write'):
                # Another member's record it reads but may not write, if any.
                for record_id in [i for i in admin_ids if i in seen and i != writable][:4]:
                    if not kb.call(client, model, 'check_access_rule', [record_id],
                                   'write').ok:
                        foreign['member'] = record_id
                        break
            if unread:
                foreign['member_read'] = unread[0]
                foreign.setdefault('member', unread[0])
            elif not boundary.allowed(name, model, 'write') and readable:
                foreign.setdefault('member', readable[0])
    return targets, foreign


def _own_wizards(boundary, model, fields):
    """A wizard of each client, created with its defaults when they fill
    every required field (only its creator reads a wizard)."""
    required = [f for f, d in fields.items() if d.get('required') and d.get('store')]
    targets = {}
    for name, client in boundary.clients.items():
        targets[name] = (None, False)
        defaults = kb.call(client, model, 'default_get', required)
        if defaults.ok and all(defaults.result.get(f) not in (None, False) for f in required):
            outcome = kb.call(client, model, 'create', {})
            targets[name] = (outcome.result, True) if outcome.ok else (None, False)
    return targets


def _sample(names, rules, size):
    """The state, the fields frozen after create, and `size` others."""
    first = [f for f in names if f == 'state' or rules[f].endswith(':create')]
    return first + [f for f in names if f not in first][:size]


def _write_plans(boundary, model, rules, targets, foreign):
    """[(client, record id, label, fields)]: every field the client may not
    write where the record is its own, a sample where the access rights or
    record rules refuse the record as a whole (and for the manager, whom
    only the server fields and frozen ones refuse); on a foreign record the
    fields the member could write on its own ones, and a sample."""
    plans = []
    for name, (record_id, writable) in targets.items():
        if not record_id or name == 'member_b':
            continue
        refused = sorted(f for f in rules
                         if not kb.rule_allows(rules[f], boundary.roles[name], False))
        if not writable or name == 'manager':
            refused = _sample(refused, rules, 2 if name == 'manager' else 1)
        plans.append((name, record_id, 'own' if writable else 'read-only', refused))
    member_roles = boundary.roles['member']
    mine = sorted(f for f in rules if kb.rule_allows(rules[f], member_roles, False))
    others = _sample(sorted(set(rules) - set(mine)), rules, 1)
    if foreign.get('member'):
        plans.append(('member', foreign['member'], 'foreign', mine + others))
    record_id, writable = targets.get('member', (None, False))
    if record_id and writable and not kb.call(
            boundary.clients['member_b'], model, 'check_access_rule', [record_id], 'write').ok:
        plans.append(('member_b', record_id, "member_a's", mine + others[:1]))
    return plans


def _sweep_fields(boundary, model, rules, fields, targets, foreign, before):
    """(a): writes and creates of the fields each role may not set."""
    tried = 0
    for name, record_id, label, names in _write_plans(boundary, model, rules, targets, foreign):
        current = before.get(record_id, {})
        for field in names:
            if field not in fields or field not in current:
                continue
            value = boundary.value(fields[field], current[field])
            if value is None:
                continue
            tried += 1
            args = [[record_id], {field: value}]
            back = (model, [record_id], {field: _restorable(fields[field], current[field])})
            outcome = boundary.expect_refusal(
                'fields', name, model, 'write', args, restore=back,
                what='write %s (%s) on %s record %d' % (field, rules[field], label, record_id))
            if label != 'read-only':
                keep_sample(boundary, 'foreign' if label != 'own' else 'write', name, model,
                             field, args, outcome, back)
    creators = [n for n in ROLE_CLIENTS if boundary.allowed(n, model, 'create')]
    for name in ROLE_CLIENTS:
        roles = boundary.roles[name]
        refused = sorted(f for f in rules if f in fields
                         and not kb.rule_allows(rules[f], roles, creating=True))
        if creators[:1] != [name]:  # every field for the least role that creates
            refused = _sample(refused, rules, 1)
        base = _create_base(boundary, model, rules, fields, roles)
        for field in refused:
            value = boundary.value(fields[field], False)
            if value is None:
                continue
            tried += 1
            args = [dict(base, **{field: value})]
            # Any clean refusal: a model may check its values (a computed
            # field, a duplicate) before the rules, and nothing is created.
            outcome = boundary.expect_refusal(
                'fields', name, model, 'create', args,
                what='create with %s (%s)' % (field, rules[field]))
            if outcome.refused_cleanly() and outcome.name != kb.ACCESS_ERROR:
                boundary.notes.append('%s: create with %s (%s) as %s refused by the model '
                                      'before the rules: %s' % (model, field, rules[field], name,
                                                               outcome.describe()[:160]))
            if name in creators:
                keep_sample(boundary, 'create', name, model, field, args, outcome)
    return tried


def _create_base(boundary, model, rules, fields, roles):
    """Values of a valid create, copied from a record (admin's copy_data),
    without the fields the role may not give: the one tried is then the only
    reason to refuse. Wizards: none."""
    if model not in boundary.copies:
        outcome = kb.call(boundary.admin, model, 'search', [], limit=1)
        copied = outcome.ok and outcome.result and kb.call(
            boundary.admin, model, 'copy_data', outcome.result)
        copied = copied.result if copied and copied.ok else {}
        boundary.copies[model] = copied[0] if isinstance(copied, list) else copied
    return {k: v for k, v in boundary.copies[model].items()
            if k in fields and fields[k]['type'] not in ('one2many', 'many2many', 'binary')
            and (k not in rules or kb.rule_allows(rules[k], roles, creating=True))}


def _restorable(field, value):
    if field['type'] == 'many2one':
        return kb.m2o_id(value)
    if field['type'] == 'many2many':
        return [(6, 0, value or [])]
    return value if field['type'] != 'one2many' else None


def _sweep_methods(boundary, model, fields, targets, foreign):
    """(b): each declared method below its role, from a forbidden state and,
    for members, on a record they may not read or write."""
    policy, tried = boundary.policy[model], 0
    record_model = not (policy['transient'] or policy['abstract'])
    for method, declared in sorted(policy['methods'].items()):
        if not isinstance(declared, dict):
            continue
        access = declared['access']
        for name in ('user', 'member', 'staff'):
            if declared['role'] in boundary.roles[name]:
                continue
            record_id, writable = targets.get(name, (None, False))
            ids = [record_id] if record_model and record_id and access and (
                writable or access == 'read') else []
            args = [ids]
            if access is None:
                # Most are @api.model: no ids. kepos_action's wrapper hides
                # the signature from odoo.api.split_context, which would take
                # a first positional argument for the context.
                args = [] if _model_method(boundary, name, model, method) else [ids]
                if args and record_model:
                    boundary.problem('declared', model, method, '-', 'acts on records but '
                                     'declared access=None: their record rules go unchecked')
            tried += 1
            outcome = boundary.expect_refusal(
                'methods', name, model, method, args, expected={kb.ACCESS_ERROR},
                what='%s (role %s) on %s' % (method, declared['role'], ids or 'no record'))
            keep_sample(boundary, 'role', name, model, method, args, outcome)
            if name == 'user' and method in KNOWN_SIGNATURES:  # once a method
                _positional(boundary, name, model, method, KNOWN_SIGNATURES[method], outcome)
        if not record_model:
            continue
        if declared['states'] and 'state' in fields:
            tried += _wrong_state(boundary, model, method, declared, fields)
        wanted = {'read': 'member_read', 'write': 'member'}.get(access)
        if wanted and foreign.get(wanted) and declared['role'] in boundary.roles['member']:
            tried += 1
            outcome = boundary.expect_refusal(
                'methods', 'member', model, method, [[foreign[wanted]]],
                expected={kb.ACCESS_ERROR},
                what='%s (access %s) on foreign record %d' % (method, access, foreign[wanted]))
            keep_sample(boundary, 'foreign call', 'member', model, method,
                         [[foreign[wanted]]], outcome)
    return tried


def _positional(boundary, name, model, method, args, english):
    """The refusal again, with the method's positional arguments and the
    client's language: Odoo tells the context of a call from the method's
    signature (odoo.api.split_context); a wrapper that hides it takes the
    first argument for the context and loses the client's (or fails)."""
    french = kb.call(boundary.clients[name], model, method, *args, context={'lang': 'fr_FR'})
    if english.refused_cleanly() and (not french.refused_cleanly({kb.ACCESS_ERROR}) or
                                      french.message.strip() == english.message.strip()):
        boundary.problem('clean', model, '%s with a positional argument' % method, name,
                         'the call loses its context (signature hidden from odoo.api.'
                         'split_context): %s' % french.describe())


def _model_method(boundary, name, model, method):
    """Whether `method` is called without ids (@api.model): asked with none,
    a method on records answers IndexError (call_kw_multi reads the ids)."""
    outcome = kb.call(boundary.clients[name], model, method)
    return not (outcome.name == 'builtins.IndexError')


def _wrong_state(boundary, model, method, declared, fields):
    """Call `method` as the least client allowed to, on a record it may act
    on whose state the method does not start from. When the demo data holds
    none, the admin makes one so, after the records are compared (its write
    may move others, e.g. the matches of a resource), and puts it back."""
    states, access = declared['states'], declared['access']
    forbidden = [v for v, _label in fields['state']['selection'] if v not in states]
    if not forbidden:
        return 0
    candidates = boundary.admin.execute(model, 'search', [('state', 'in', forbidden)], limit=4)
    clients = [name for name in ('member', 'staff', 'manager')
               if declared['role'] in boundary.roles[name]
               and (access is None or boundary.allowed(name, model, access))]
    for name in clients:
        usable = [i for i in candidates if access is None or kb.call(
            boundary.clients[name], model, 'check_access_rule', [i], access).ok]
        if usable:
            outcome = boundary.expect_refusal(
                'methods', name, model, method, [usable[:1]], expected={kb.USER_ERROR},
                what='%s (states %s) on record %d' % (method, states, usable[0]))
            keep_sample(boundary, 'state', name, model, method, [usable[:1]], outcome)
            return 1
    boundary.deferred.append(
        lambda: _forced_state(boundary, model, method, declared, forbidden[0], clients))
    return 1


def _forced_state(boundary, model, method, declared, state, clients):
    """The wrong-state call on a record the admin set to `state` for it; its
    context keys and French asked at once, then the state put back."""
    access = declared['access']
    for name in clients:
        client = boundary.clients[name]
        own = kb.call(client, model, 'search', [], limit=1).result or []
        if not own or access and not kb.call(client, model, 'check_access_rule', own,
                                              access).ok:
            continue
        [before] = boundary.admin.execute(model, 'read', own, ['state'])
        if not kb.call(boundary.admin, model, 'write', own, {'state': state}).ok:
            continue
        outcome = boundary.expect_refusal(
            'methods', name, model, method, [own], expected={kb.USER_ERROR},
            what='%s (states %s) on record %d' % (method, declared['states'], own[0]))
        if outcome.refused_cleanly():
            sample = sample_of(name, model, 'state', method, [own])
            kb.replay_sample(boundary, sample, kb.context_keys())
            kb.french_sample(boundary, sample)
        boundary.admin.execute(model, 'write', own, {'state': before['state']})
        return
    boundary.notes.append('%s.%s: no record in a state outside %s that an allowed role '
                          'may act on' % (model, method, declared['states']))


def sweep_model(boundary, model):
    admin = boundary.admin
    fields = admin.execute(model, 'fields_get', [], attributes=[
        'type', 'selection', 'relation', 'store', 'required'])
    policy = boundary.policy[model]
    rules = dict(policy['fields'], **boundary.delegated.get(model, {}))
    missing = sorted(set(rules) - set(fields))
    if missing:
        boundary.notes.append('%s: fields_get lacks %s' % (model, missing))
    if policy['abstract']:
        return model, {}, 0, _sweep_methods(boundary, model, fields, {}, {})
    targets, foreign = _probe_targets(boundary, model, fields)
    ids = sorted({t[0] for t in targets.values() if t[0]} | set(foreign.values()))
    readable = [f for f, d in fields.items() if d['type'] != 'binary']
    # Compared: the stored fields, what a call may change (a computed one,
    # such as a diff of page versions, may differ from one read to the next).
    boundary.stored[model] = [f for f in readable if fields[f].get('store')]
    before = {r['id']: r for r in admin.execute(model, 'read', ids, readable)} \
        if ids and not policy['transient'] else {}
    if policy['transient']:  # only their creator reads wizards
        for name, (record_id, _w) in targets.items():
            if record_id:
                outcome = kb.call(boundary.clients[name], model, 'read', [record_id], readable)
                before.update({record_id: outcome.result[0]} if outcome.ok else {})
    n_fields = _sweep_fields(boundary, model, rules, fields, targets, foreign, before)
    n_methods = _sweep_methods(boundary, model, fields, targets, foreign)
    return model, before, n_fields, n_methods


def compare(boundary, model, before):
    if not before or boundary.policy[model]['transient']:
        return
    fields = boundary.stored[model]
    after = {r['id']: r for r in boundary.admin.execute(model, 'read', list(before), fields)}
    for record_id, old in before.items():
        old = kb.comparable({k: v for k, v in old.items() if k in fields})
        new = kb.comparable(after.get(record_id, {}))
        changed = sorted(k for k in old if old[k] != new.get(k))
        if changed:
            boundary.problem('unchanged', model, 'record %d' % record_id, '-', 'changed: %s' % (
                ', '.join('%s %.60r -> %.60r' % (k, old[k], new.get(k)) for k in changed)))
