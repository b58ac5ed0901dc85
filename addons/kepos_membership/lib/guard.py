# Copyright 2026 Kèpos SCIC
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The rules every client call meets, whatever the screen showed.

A Kèpos model says which fields a client may set (``_kepos_client_fields``)
and declares each public method with :func:`kepos_action`: the least role
that may call it, the states it starts from and the access the caller needs
on the records. Everything else is the server's: it writes through
``_kepos_server_write``, whose context key holds a :class:`ServerGrant`,
an object no JSON-RPC or XML-RPC client can send."""
import functools
import inspect

# The roles, from the least to the most trusted, and their groups.
ROLE_GROUPS = (
    ('user', 'base.group_user'),
    ('member', 'kepos_membership.group_kepos_member'),
    ('staff', 'kepos_membership.group_kepos_staff'),
    ('manager', 'kepos_membership.group_kepos_manager'),
)
ROLES = dict(ROLE_GROUPS)
# The rule of a field only the server sets.
SERVER = 'server'
GRANT_KEY = 'kepos_server_write'
ACCESS_MODES = (None, 'read', 'write', 'unlink')


class ServerGrant(object):
    """Lets the server write any field of these records (ids None: create).
    Only Python code can build one: a client's context holds JSON values."""
    __slots__ = ('model', 'ids')

    def __init__(self, model, ids):
        self.model = model
        self.ids = ids if ids is None else frozenset(ids)

    def covers(self, records, creating):
        if records._name != self.model:
            return False
        if creating:
            return self.ids is None
        return self.ids is not None and self.ids.issuperset(records.ids)


def parse_rule(rule):
    """'staff:create' → ('staff', True); 'member' → ('member', False)."""
    role, _sep, when = rule.partition(':')
    if role != SERVER and role not in ROLES or when not in ('', 'create'):
        raise ValueError('Unknown Kèpos field rule %r' % rule)
    return role, bool(when)


def without_defaults(records):
    """``records`` without the client's ``default_*`` context keys, for the
    creates the server makes on its own (as superuser or with a grant): a
    default given by the client would fill the fields the server left
    empty."""
    if not any(key.startswith('default_') for key in records.env.context):
        return records
    return records.with_context({
        key: value for key, value in records.env.context.items()
        if not key.startswith('default_')})


def kepos_action(role='member', states=None, access='write'):
    """Declare a public method of a Kèpos model and enforce it before the
    method runs, on every path (buttons, JSON-RPC, XML-RPC):

    - ``role``: the least role that may call it (user, member, staff,
      manager);
    - ``states``: the states the records must be in, read under a row lock
      taken in id order (None: the method is not a workflow step);
    - ``access``: the access right and record rules the caller needs on the
      records (None for a model-level method that checks what it creates).
    """
    if role not in ROLES:
        raise ValueError('Unknown Kèpos role %r' % role)
    if access not in ACCESS_MODES:
        raise ValueError('Unknown access mode %r' % access)

    def decorate(method):
        @functools.wraps(method)
        def guarded(self, *args, **kwargs):
            self._kepos_check_role(role)
            if access:
                self.check_access_rights(access)
                self.check_access_rule(access)
            if states is not None:
                self._kepos_lock()
                self._kepos_check_state(states)
            # The client's default_* keys would fill the fields of whatever
            # the step creates: the step decides them.
            return method(without_defaults(self), *args, **kwargs)
        # Odoo reads the method's arguments (not the wrapper's) to find
        # where a client puts the context.
        guarded.__signature__ = inspect.signature(method)
        guarded._kepos_policy = {
            'role': role,
            'states': list(states) if states is not None else None,
            'access': access,
        }
        return guarded
    return decorate
