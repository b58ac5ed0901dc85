# Copyright 2026 Kèpos SCIC
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class ProjectProject(models.Model):
    _inherit = 'project.project'

    # Set when the pipeline creates the coaching plan, never by a client.
    _kepos_client_fields = {'kepos_incubation_id': 'server'}

    kepos_incubation_id = fields.Many2one(
        'kepos.incubation', string='Incubated project', index=True,
        ondelete='set null', readonly=True,
        help='The Serre à projets project this coaching plan belongs to; '
             'its timesheets count as coaching hours.')
