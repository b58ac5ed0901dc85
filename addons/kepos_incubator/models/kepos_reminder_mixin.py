# Copyright 2026 Kèpos SCIC
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import timedelta

from odoo import fields, models


class KeposReminderMixin(models.AbstractModel):
    """One reminder activity per record and activity type, due some days
    before a deadline: moved when the deadline moves rather than piled up,
    and never due in the past."""
    _name = 'kepos.reminder.mixin'
    _description = 'Deadline reminder'
    _inherit = ['mail.activity.mixin']
    # No field of its own; the reminders are written by the records' own
    # methods, after their checks.
    _kepos_client_fields = {}

    def _kepos_reminders(self, activity_xmlid):
        return self.env['mail.activity'].search([
            ('res_model', '=', self._name), ('res_id', 'in', self.ids),
            ('activity_type_id', '=', self.env.ref(activity_xmlid).id),
        ])

    def _kepos_remind(self, activity_xmlid, deadline, notice_days, summary,
                      user):
        self.ensure_one()
        today = fields.Date.from_string(fields.Date.context_today(self))
        due = max(today, fields.Date.from_string(deadline) -
                  timedelta(days=notice_days))
        values = {
            'res_model_id': self.env['ir.model']._get_id(self._name),
            'res_id': self.id,
            'activity_type_id': self.env.ref(activity_xmlid).id,
            'summary': summary,
            'date_deadline': fields.Date.to_string(due),
            'user_id': user.id,
        }
        existing = self._kepos_reminders(activity_xmlid)
        if existing:
            existing.write(values)
        else:
            self.env['mail.activity'].create(values)
