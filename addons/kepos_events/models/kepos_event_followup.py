# Copyright 2026 Kèpos SCIC
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models


class KeposEventFollowup(models.Model):
    _name = 'kepos.event.followup'
    _description = 'Follow-up action decided at an event'
    # Its state is computed (no button moves it), but the mixin keeps every
    # model with a state under the same rules.
    _inherit = ['kepos.workflow.mixin']
    _order = 'event_id, date_deadline, id'

    # The staff write the lines; the activity is created by the button
    # (activity_id, assigned: the server's).
    _kepos_client_fields = {
        'event_id': 'staff:create', 'name': 'staff', 'user_id': 'staff',
        'date_deadline': 'staff',
    }

    event_id = fields.Many2one(
        'event.event', string='Event', required=True, ondelete='cascade',
        index=True)
    name = fields.Char(string='Action', required=True)
    user_id = fields.Many2one('res.users', string='Assigned to',
                              required=True)
    date_deadline = fields.Date(string='Deadline', required=True)
    activity_id = fields.Many2one(
        'mail.activity', string='Activity', readonly=True, copy=False,
        ondelete='set null')
    assigned = fields.Boolean(string='Assigned', readonly=True, copy=False)
    state = fields.Selection(
        [('draft', 'To assign'), ('assigned', 'Assigned'), ('done', 'Done')],
        string='Status', compute='_compute_state',
        help='Odoo deletes an activity when it is marked done, so an '
             'assigned line without activity is done.')

    @api.depends('assigned', 'activity_id')
    def _compute_state(self):
        for line in self:
            if not line.assigned:
                line.state = 'draft'
            elif line.activity_id:
                line.state = 'assigned'
            else:
                line.state = 'done'

    def _create_activity(self):
        self.ensure_one()
        activity = self.env['mail.activity'].create({
            'res_model_id': self.env.ref('event.model_event_event').id,
            'res_id': self.event_id.id,
            'activity_type_id': self.env.ref(
                'mail.mail_activity_data_todo').id,
            'summary': self.name,
            'user_id': self.user_id.id,
            'date_deadline': self.date_deadline,
        })
        self._kepos_server_write({'activity_id': activity.id,
                                  'assigned': True})
