# Copyright 2026 Kèpos SCIC
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import inspect

from odoo import api, models

from ..lib.guard import SERVER, kepos_action

KEPOS_MODULES = 'odoo.addons.kepos_'


class KeposRpcPolicy(models.AbstractModel):
    """What each Kèpos model lets a client do, read from the models
    themselves: the rules of their fields and the declaration of their
    public methods. The boundary tests read it; it shows no data."""
    _name = 'kepos.rpc.policy'
    _description = 'Kèpos client rules'

    @api.model
    @kepos_action(role='user', access=None)
    def describe(self):
        """{model: {'fields': {field: rule}, 'methods': {method: policy},
        'workflow': bool}} for every Kèpos model and every Odoo model the
        Kèpos add-ons extend. A method's policy is None when it is not
        declared, 'odoo' when it overrides one of Odoo's."""
        result = {}
        for name in sorted(self.env.registry):
            model = self.env[name]
            governed = model._kepos_governed_fields()
            methods = self._kepos_public_methods(type(model))
            if not (name.startswith('kepos.') or governed or methods):
                continue
            policy = model._kepos_field_policy()
            result[name] = {
                'fields': {field: policy.get(field, SERVER)
                           for field in sorted(governed)},
                'methods': methods,
                'workflow': hasattr(model, '_kepos_check_state'),
                'transient': model._transient,
                'abstract': model._abstract,
            }
        return result

    @api.model
    def _kepos_public_methods(self, cls):
        methods = {}
        for name in dir(cls):
            if name.startswith('_'):
                continue
            owners = [klass for klass in cls.__mro__ if name in klass.__dict__]
            if not owners or not inspect.isfunction(owners[0].__dict__[name]):
                continue
            kepos_owners = [k for k in owners
                            if k.__module__.startswith(KEPOS_MODULES)]
            if not kepos_owners:
                continue
            declared = [k.__dict__[name]._kepos_policy for k in kepos_owners
                        if hasattr(k.__dict__[name], '_kepos_policy')]
            if declared:
                methods[name] = declared[0]
            elif len(kepos_owners) < len(owners):
                methods[name] = 'odoo'
            else:
                methods[name] = None
        return methods
