# Copyright 2026 Kèpos SCIC
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import _, api, fields, models


class ProjectProject(models.Model):
    _inherit = 'project.project'

    # Set by the support requests (as superuser), never by a client.
    _kepos_client_fields = {'kepos_support_year': 'server'}

    kepos_support_year = fields.Integer(
        string='Support year',
        help='Set on the yearly support project of a member: the requests '
             'of that member and year are planned as its tasks.')

    @api.model
    def _kepos_support_project(self, member, year):
        """The member's support project for the year, created on first use.
        Runs as superuser, called by the support request's action_start
        once it has checked the caller is staff."""
        Project = self.sudo()
        project = Project.search([
            ('partner_id', '=', member.id),
            ('kepos_support_year', '=', year),
        ], limit=1)
        if not project:
            project = Project.create(self._kepos_support_project_values(
                _('Support %s - %s') % (year, member.name), member, year))
        return project

    @api.model
    def _kepos_support_project_values(self, name, member, year):
        return {
            'name': name,
            'partner_id': member.id,
            'kepos_support_year': year,
            'allow_timesheets': True,
            'company_id': self.env.ref('base.main_company').id,
        }
