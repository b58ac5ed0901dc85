# Copyright 2026 Kèpos SCIC
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models


class KeposProgramme(models.Model):
    _name = 'kepos.programme'
    _description = 'Incubation programme'
    _inherit = ['mail.thread', 'kepos.impact.mixin']
    _impact_field = 'programme_id'
    _order = 'sequence, name'

    # The team runs the programmes (members read them and their totals).
    _kepos_client_fields = {
        name: 'staff' for name in (
            'name', 'sequence', 'active', 'description', 'user_id',
            'cohort_ids')}

    name = fields.Char(required=True, track_visibility='onchange')
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    description = fields.Text()
    user_id = fields.Many2one('res.users', string='Programme manager',
                              track_visibility='onchange')
    cohort_ids = fields.One2many('kepos.cohort', 'programme_id',
                                 string='Cohorts')
    incubation_ids = fields.One2many('kepos.incubation', 'programme_id',
                                     string='Projects')
    incubation_count = fields.Integer(compute='_compute_incubation_count',
                                      string='Projects')

    @api.depends('incubation_ids')
    def _compute_incubation_count(self):
        for record in self:
            record.incubation_count = len(record.incubation_ids)
