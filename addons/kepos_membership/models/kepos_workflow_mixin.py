# Copyright 2026 Kèpos SCIC
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import _, models
from odoo.exceptions import UserError


class KeposWorkflowMixin(models.AbstractModel):
    """A record that moves through the states of its ``state`` field, one
    ``action_*`` method a step, each declared with ``kepos_action`` (role,
    starting states, access; lib/guard.py). No client writes ``state``:
    the steps write it with ``_kepos_server_write``."""
    _name = 'kepos.workflow.mixin'
    _description = 'Kèpos workflow'

    def _kepos_lock(self):
        """Lock the records' rows in id order, so that two steps on the
        same record run one after the other and read what the other left,
        and drop what was read of them before the lock."""
        if not self.ids:
            return
        self.env.cr.execute(
            'SELECT id FROM "%s" WHERE id IN %%s ORDER BY id '
            'FOR NO KEY UPDATE' % self._table, (tuple(self.ids),))
        self.invalidate_cache(ids=self.ids)

    def _kepos_check_state(self, states):
        labels = dict(self._fields['state']._description_selection(self.env))
        for record in self:
            if record.state not in states:
                raise UserError(_(
                    '%(record)s is %(state)s: this cannot be done in that '
                    'state (%(model)s).') % {
                        'record': record.display_name,
                        'state': labels.get(record.state, record.state),
                        'model': self._kepos_model_label()})
