# Copyright 2026 Kèpos SCIC
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import SUPERUSER_ID, _, api, models
from odoo.exceptions import AccessError

from ..lib.guard import GRANT_KEY, ROLES, SERVER, ServerGrant, parse_rule, \
    without_defaults
from .base import IGNORED_BY_ORM


class Base(models.AbstractModel):
    """Which fields a client may set on the Kèpos models and on the fields
    the Kèpos add-ons add to Odoo's models; the server writes the others
    with ``_kepos_server_write``. See ``lib/guard.py``."""
    _inherit = 'base'

    # {field: rule}: 'member', 'staff', 'manager' or 'user' (the least role
    # that may set it on create and write), the same with ':create' (set on
    # create only, then frozen), or 'server'. A field not listed is the
    # server's. Each class of a model (and its extensions) adds its own.
    _kepos_client_fields = None

    @api.model
    def create(self, vals):
        if not self._kepos_trusted(creating=True):
            self._kepos_check_client_fields(vals, creating=True)
            self = self._kepos_without_forbidden_defaults()
        return super(Base, self).create(vals)

    @api.multi
    def write(self, vals):
        if not self._kepos_trusted(creating=False):
            self._kepos_check_client_fields(vals, creating=False)
        return super(Base, self).write(vals)

    def _kepos_trusted(self, creating):
        if self.env.uid == SUPERUSER_ID:
            return True
        grant = self.env.context.get(GRANT_KEY)
        return isinstance(grant, ServerGrant) and grant.covers(self, creating)

    def _kepos_server_write(self, vals):
        """Write what the server decided (a state, a number, a link), after
        the calling method has checked the caller may make it happen."""
        grant = ServerGrant(self._name, self.ids)
        return self.with_context(**{GRANT_KEY: grant}).write(vals)

    @api.model
    def _kepos_server_create(self, vals):
        grant = ServerGrant(self._name, None)
        return without_defaults(self).with_context(
            **{GRANT_KEY: grant}).create(vals)

    @api.model
    def _kepos_field_policy(self):
        """The merged rules of every class of the model, the last wins. Not
        cached: installing a module changes the classes of a model in place."""
        policy = {}
        for klass in reversed(type(self).__mro__):
            policy.update(klass.__dict__.get('_kepos_client_fields') or {})
        return policy

    def _kepos_is_governed(self, name):
        """Whether the rules decide the writes of this field: every field the
        Kèpos add-ons declare on a kepos.* model; on Odoo's models, their
        kepos_* fields and the Odoo fields they list."""
        field = self._fields.get(name)
        if field is None or name in IGNORED_BY_ORM:
            return False
        if name in self._kepos_field_policy():
            return True
        return (field._module or '').startswith('kepos_') and (
            self._name.startswith('kepos.') or name.startswith('kepos_'))

    @api.model
    def _kepos_governed_fields(self):
        return {name for name in self._fields if self._kepos_is_governed(name)}

    def _kepos_check_client_fields(self, vals, creating):
        policy = self._kepos_field_policy()
        if not (policy or self._name.startswith('kepos.')
                or any(name.startswith('kepos_') for name in vals)):
            return
        for name in sorted(vals):
            if not self._kepos_is_governed(name):
                continue
            role, create_only = parse_rule(policy.get(name, SERVER))
            if role == SERVER:
                reason = _('the system sets it')
            elif create_only and not creating:
                reason = _('it is set when the record is created')
            elif not self._kepos_has_role(role):
                reason = _('it is for the group %s') % self._kepos_group_name(role)
            else:
                continue
            raise AccessError(_(
                'You may not set the field "%(field)s" of %(model)s: '
                '%(reason)s.') % {
                    'field': self._kepos_label(self._fields[name]),
                    'model': self._kepos_model_label(),
                    'reason': reason})

    def _kepos_without_forbidden_defaults(self):
        """Drop the default_<field> keys a client may not use to set a field
        (a default is a value given on create)."""
        policy = self._kepos_field_policy()
        forbidden = set()
        for key in self.env.context:
            name = key[8:] if key.startswith('default_') else None
            if name and self._kepos_is_governed(name):
                role, _create_only = parse_rule(policy.get(name, SERVER))
                if role == SERVER or not self._kepos_has_role(role):
                    forbidden.add(key)
        if not forbidden:
            return self
        return self.with_context({key: value for key, value
                                  in self.env.context.items()
                                  if key not in forbidden})

    def _kepos_has_role(self, role):
        return self.env.uid == SUPERUSER_ID or self.env.user.has_group(
            ROLES[role])

    def _kepos_model_label(self):
        """The model's name in the user's language."""
        return self.env['ir.model'].sudo()._get(self._name).name or self._name

    def _kepos_group_name(self, role):
        return self.env.ref(ROLES[role]).sudo().name

    def _kepos_check_role(self, role):
        if not self._kepos_has_role(role):
            raise AccessError(_(
                'This action on %(model)s is for the group %(group)s.') % {
                    'model': self._kepos_model_label(),
                    'group': self._kepos_group_name(role)})

