# Copyright 2026 Kèpos SCIC
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class KeposDashboard(models.TransientModel):
    _inherit = 'kepos.dashboard'

    incubation_early_count = fields.Integer(
        string='Ideas and studies', compute='_compute_incubation_counts',
        groups='kepos_membership.group_kepos_staff',
        help='Projects of the Serre à projets at the idea, study or '
             'entrepreneur search stage.')
    incubation_running_count = fields.Integer(
        string='Projects in incubation', compute='_compute_incubation_counts',
        groups='kepos_membership.group_kepos_staff')

    def _compute_incubation_counts(self):
        counts = {
            group['stage_kind']: group['stage_kind_count']
            for group in self.env['kepos.incubation'].read_group(
                [], ['stage_kind'], ['stage_kind'])}
        for dashboard in self:
            dashboard.incubation_early_count = sum(
                counts.get(kind, 0) for kind in ('idea', 'study', 'search'))
            dashboard.incubation_running_count = counts.get('incubation', 0)
