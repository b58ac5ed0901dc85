# Copyright 2026 Kèpos SCIC
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The pieces of the RPC boundary test (test_rpc_boundary.py): the roles and
rules of lib/guard.py, values that change a field, the calls that must be
refused and what they answered, and the admin's view of the records touched."""
import collections
import functools
import importlib.util
import itertools
import os
import re
import threading

import requests
from kepos_server import ROOT

ADDONS = os.path.join(ROOT, 'addons')
_spec = importlib.util.spec_from_file_location(
    'kepos_guard', os.path.join(ADDONS, 'kepos_membership', 'lib', 'guard.py'))
guard = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(guard)  # plain Python: no Odoo import
ROLES = [role for role, _group in guard.ROLE_GROUPS]

CLEAN = {'odoo.exceptions.%s' % name for name in (
    'AccessError', 'UserError', 'ValidationError', 'MissingError', 'Warning')}
ACCESS_ERROR = 'odoo.exceptions.AccessError'
USER_ERROR = 'odoo.exceptions.UserError'
# What the RPC layer answers when the database, not the model, refused a
# value (service/model.py turns IntegrityError into a ValidationError).
DATABASE_REFUSAL = re.compile(
    r'operation cannot be completed, probably|violates .*constraint|null value in column|'
    r'psycopg2', re.I)
# Compared before and after: not the fields every write touches, nor the
# chatter of mail.thread (Odoo's, and posted by the admin's own restores).
NOT_COMPARED = ('write_date', '__last_update', 'write_uid')
NOT_COMPARED_PREFIXES = ('message_', 'activity_', 'website_message')
# Context keys the add-ons read or used to read: replayed from the client
# even once the code no longer reads them (a key must stay powerless).
KNOWN_CONTEXT_KEYS = {guard.GRANT_KEY, 'kepos_transition', 'kepos_barter_transition',
                      'kepos_barter_counterpart'}
_CONTEXT_KEY = re.compile(
    r"""context(?:\.get\(|\[)\s*['"](\w+)['"]|with_context\(([^)]*)\)|"""
    r"""['"](\w+)['"]\s*(?:not\s+)?in\s+[\w.]*context""")
# The web client's navigation keys: what they point at is the model's to
# check (test_bad_input); the sweep does not send them.
NAVIGATION_KEYS = {'active_id', 'active_ids', 'active_model', 'active_domain', 'lang', 'tz',
                   'active_test'}


def rule_allows(rule, roles, creating):
    """Whether a client holding `roles` may set a field of `rule`."""
    role, create_only = guard.parse_rule(rule)
    if role == guard.SERVER or create_only and not creating:
        return False
    return role in roles


@functools.lru_cache()
def context_keys():
    """The context keys the Python code of the add-ons reads, and the kepos_*
    ones it sets (with_context), but the web client's navigation keys."""
    keys = set(KNOWN_CONTEXT_KEYS)
    for addon in os.listdir(ADDONS):
        for folder in ('models', 'wizards', 'wizard', 'report', 'lib'):
            path = os.path.join(ADDONS, addon, folder)
            if not os.path.isdir(path):
                continue
            for name in os.listdir(path):
                if not name.endswith('.py'):
                    continue
                with open(os.path.join(path, name), encoding='utf-8') as source:
                    text = source.read()
                for read, kwargs, tested in _CONTEXT_KEY.findall(text):
                    keys.update(k for k in (read, tested) if k)
                    keys.update(re.findall(r'\b(kepos_\w+)\s*=', kwargs))
    return sorted(keys - NAVIGATION_KEYS)


def new_value(field, current, others):
    """A value of the field's type different from `current`, or None when
    the type is not tried. `others`: ids of the comodel (admin's view)."""
    kind = field['type']
    if kind in ('char', 'text', 'html'):
        return 'y' if current == 'x' else 'x'
    if kind == 'integer':
        return (current or 0) + 1
    if kind in ('float', 'monetary'):
        return (current or 0.0) + 1.0
    if kind == 'boolean':
        return not current
    if kind == 'selection':
        values = [v for v, _label in field.get('selection') or [] if v != current]
        return values[-1] if values else None
    if kind == 'date':
        return '2021-06-16' if current == '2021-06-15' else '2021-06-15'
    if kind == 'datetime':
        return '2021-06-16 10:00:00' if current == '2021-06-15 10:00:00' \
            else '2021-06-15 10:00:00'
    current_id = current[0] if isinstance(current, (list, tuple)) and current \
        and kind == 'many2one' else current
    if kind == 'many2one':
        choices = [i for i in others if i != current_id]
        return choices[0] if choices else None
    if kind in ('many2many', 'one2many'):
        if current:
            return [(6, 0, [])]
        return [(6, 0, others[:1])] if kind == 'many2many' and others else None
    return None  # binary, reference, serialized


def comparable(record):
    return {k: v for k, v in record.items()
            if k not in NOT_COMPARED and not k.startswith(NOT_COMPARED_PREFIXES)}


class Outcome:
    """What one call answered: ok (accepted), or the error's name and message."""
    __slots__ = ('ok', 'name', 'message', 'result')

    def __init__(self, ok, name='', message='', result=None):
        self.ok, self.name, self.message, self.result = ok, name, message, result

    def refused_cleanly(self, expected=CLEAN):
        return not self.ok and self.name in expected \
            and not DATABASE_REFUSAL.search(self.message or '')

    def describe(self):
        if self.ok:
            return 'accepted (returned %.80r)' % (self.result,)
        return '%s: %s' % (self.name or 'error', (self.message or '').strip()[:220])


_local = threading.local()
CALLS = itertools.count()


def call(client, model, method, *args, **kwargs):
    """client.execute(model, method, *args, **kwargs) as an Outcome, over one
    kept-alive HTTP session per thread (the sweep makes thousands of calls)."""
    next(CALLS)
    session = getattr(_local, 'session', None)
    if session is None:
        session = _local.session = requests.Session()
    payload = {'jsonrpc': '2.0', 'method': 'call', 'id': 1, 'params': {
        'service': 'object', 'method': 'execute_kw', 'args': [
            client.server.db, client.uid, client.password, model, method, list(args),
            kwargs]}}
    try:
        reply = session.post(client.server.url + '/jsonrpc', json=payload, timeout=120).json()
    except Exception as error:  # an HTTP 500, a dropped connection, not JSON
        return Outcome(False, type(error).__name__, str(error))
    if 'error' not in reply:
        return Outcome(True, result=reply.get('result'))
    data = reply['error'].get('data') or {}
    message = data.get('message') or reply['error'].get('message') or ''
    # Odoo 11 formats an except_orm's (message, value) pair as 'message\nNone'.
    message = re.sub(r'\s*\nNone$', '', message)
    if 'psycopg2' in (data.get('debug') or ''):
        message += ' [psycopg2 in the traceback]'
    return Outcome(False, data.get('name', ''), message)


def m2o_id(value):
    return value[0] if isinstance(value, (list, tuple)) and value else value


PLAIN_LOGIN, PLAIN_PASSWORD = 'plain_user', 'Kepos-Plain-User-2026!'
# The clients, each named by the role it holds at most (member_b: the other
# member, who tries member_a's records).
LOGINS = (('user', PLAIN_LOGIN), ('member', 'member_a'), ('member_b', 'member_b'),
          ('staff', 'kepos_staff'), ('manager', 'kepos_manager'))
ROLE_CLIENTS = ('user', 'member', 'staff', 'manager')
CATEGORIES = ('declared', 'fields', 'methods', 'context', 'clean', 'unchanged')
# The kinds of refused calls counted in the coverage report (see `what`).
KINDS = ('with context', '(role', '(states', '(access', 'on own record', 'on read-only record',
         'on foreign record', "on member_a's record", 'create with')


class Boundary:
    """The sweep: its clients, the server's description and the problems found."""

    def __init__(self, server):
        self.server = server
        self.admin = admin = server.login('admin', 'admin')
        admin.execute('res.users', 'create', {
            'name': 'Claire Petit', 'login': PLAIN_LOGIN, 'password': PLAIN_PASSWORD,
            'company_id': admin.ref('base.main_company'),
            'company_ids': [(6, 0, [admin.ref('base.main_company')])],
            'groups_id': [(6, 0, [admin.ref('base.group_user')])]})
        self.clients = {name: server.login(login, PLAIN_PASSWORD if name == 'user' else None)
                        for name, login in LOGINS}
        self.roles = self._roles()
        self.acl = self._acl()
        self.policy = admin.execute('kepos.rpc.policy', 'describe')
        self.problems = {category: [] for category in CATEGORIES}
        self.counts = collections.Counter()  # (category, kind of call): calls
        self.covered, self.notes = [], []
        self.samples = []  # refused calls replayed with context keys and in French
        self.sample_keys = set()
        self.deferred = []  # calls made once the records are compared
        self.copies, self.delegated, self.stored = {}, {}, {}
        self._ids = {}

    def _roles(self):
        groups = {role: self.admin.ref(xmlid) for role, xmlid in guard.ROLE_GROUPS}
        roles = {}
        for name, client in self.clients.items():
            [user] = self.admin.execute('res.users', 'read', [client.uid], ['groups_id'])
            roles[name] = {role for role, group in groups.items() if group in user['groups_id']}
        return roles

    def _acl(self):
        """{(client, model): {mode}} from ir.model.access, as Odoo grants it."""
        names = {m['id']: m['model'] for m in self.admin.execute(
            'ir.model', 'search_read', [], ['model', 'transient'])}
        rows = self.admin.execute('ir.model.access', 'search_read', [], [
            'model_id', 'group_id', 'perm_read', 'perm_write', 'perm_create', 'perm_unlink'])
        groups = {name: set(self.admin.execute('res.users', 'read', [client.uid],
                                               ['groups_id'])[0]['groups_id'])
                  for name, client in self.clients.items()}
        acl = {}
        for row in rows:
            model = names.get(row['model_id'][0])
            for name, held in groups.items():
                if not row['group_id'] or row['group_id'][0] in held:
                    acl.setdefault((name, model), set()).update(
                        mode for mode in ('read', 'write', 'create', 'unlink')
                        if row['perm_' + mode])
        return acl

    def allowed(self, name, model, mode):
        return self.policy[model]['transient'] or mode in self.acl.get((name, model), ())

    def problem(self, category, model, what, who, outcome_or_text):
        text = outcome_or_text if isinstance(outcome_or_text, str) else outcome_or_text.describe()
        self.problems[category].append('%s | %s | %s | %s' % (model, what, who, text))

    def others(self, comodel):
        """A few ids of `comodel` (admin's view), for the values of many2one fields."""
        if comodel not in self._ids:
            outcome = call(self.admin, comodel, 'search', [], limit=3)
            self._ids[comodel] = outcome.result if outcome.ok else []
        return self._ids[comodel]

    def value(self, field, current):
        relation = field.get('relation')
        return new_value(field, current, self.others(relation) if relation else [])

    def expect_refusal(self, category, client_name, model, method, args, kwargs=None,
                       expected=CLEAN, what=None, restore=None):
        """Make a call that must be refused; returns its outcome."""
        outcome = call(self.clients[client_name], model, method, *args, **(kwargs or {}))
        what = what or method
        self.counts[category, next((kind for kind in KINDS if kind in what), method),
                    outcome.name.rsplit('.', 1)[-1] or 'accepted'] += 1
        if outcome.ok:
            self.problem(category, model, what, client_name, outcome)
            if method == 'create' and isinstance(outcome.result, int):
                call(self.admin, model, 'unlink', [outcome.result])
            elif restore:  # (model, ids, vals): the admin puts the values back
                call(self.admin, model, 'write', *restore[1:])
        elif not outcome.refused_cleanly(expected):
            hint = '' if outcome.name in expected else ' (expected %s)' % '/'.join(
                sorted(n.rsplit('.', 1)[1] for n in expected))
            self.problem(category, model, what, client_name,
                         'refused uncleanly%s: %s' % (hint, outcome.describe()))
        return outcome


def keep_sample(boundary, kind, name, model, what, args, outcome, restore=None):
    """Keep, per model and kind of call, the first one refused cleanly (and
    the first write of the state): the context keys are replayed on them,
    and they are asked again in French."""
    key = (model, kind, what == 'state')
    if not outcome.refused_cleanly() or key in boundary.sample_keys:
        return
    boundary.sample_keys.add(key)
    boundary.samples.append(sample_of(name, model, kind, what, args, restore))


def sample_of(name, model, kind, what, args, restore=None):
    return {'client': name, 'model': model, 'kind': kind, 'what': what, 'args': args,
            'restore': restore}


def method_of(sample):
    return {'write': 'write', 'foreign': 'write', 'create': 'create'}.get(
        sample['kind'], sample['what'])


def replay_sample(boundary, sample, keys):
    """(c): a refused call again with the keys, all at once (True, then a
    string) and, for a state, one by one and as a forged server grant."""
    contexts = [dict.fromkeys(keys, True), dict.fromkeys(keys, 'x')]
    if sample['what'] == 'state' or sample['kind'] in ('state', 'foreign call'):
        contexts += [{key: True} for key in keys]
        ids = sample['args'][0] if sample['kind'] != 'create' and sample['args'] else None
        contexts += [{guard.GRANT_KEY: {'model': sample['model'], 'ids': ids}},
                     {guard.GRANT_KEY: [sample['model'], ids]}]
    for context in contexts:
        boundary.expect_refusal(
            'context', sample['client'], sample['model'], method_of(sample),
            sample['args'], {'context': context}, restore=sample['restore'],
            what='%s %s with context %s' % (sample['kind'], sample['what'], sorted(context)))


def french_sample(boundary, sample):
    """A refused call asked in English and in French: the answers differ."""
    client, method = boundary.clients[sample['client']], method_of(sample)
    answers = [call(client, sample['model'], method, *sample['args'], context={'lang': lang})
               for lang in ('en_US', 'fr_FR')]
    what = '%s %s' % (sample['kind'], sample['what'])
    if any(answer.ok for answer in answers):
        if sample['restore']:
            call(boundary.admin, sample['restore'][0], 'write', *sample['restore'][1:])
        boundary.problem('clean', sample['model'], what, sample['client'],
                         'accepted when asked again with a language')
    elif answers[0].message.strip() == answers[1].message.strip():
        boundary.problem('clean', sample['model'], what, sample['client'],
                         'not translated in fr_FR: %s' % answers[0].message.strip()[:200])
