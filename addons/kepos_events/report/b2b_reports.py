# Copyright 2026 Kèpos SCIC
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, models

from odoo.addons.kepos_membership.lib.guard import kepos_action


class ReportB2bAgenda(models.AbstractModel):
    """A participant's agenda, for its own company (staff: anybody's),
    whatever the way the report is printed (button, print menu, URL)."""
    _name = 'report.kepos_events.report_b2b_agenda'
    _description = 'B2B agenda'

    @api.model
    @kepos_action(role='member', access=None)
    def get_report_values(self, docids, data=None):
        registrations = self.env['event.registration'].browse(docids)
        registrations._kepos_check_own()
        return {
            'doc_ids': docids,
            'doc_model': 'event.registration',
            'docs': registrations,
        }


class ReportB2bGrid(models.AbstractModel):
    """The organisers' grid of every meeting of a fair."""
    _name = 'report.kepos_events.report_b2b_grid'
    _description = 'B2B meetings grid'

    @api.model
    @kepos_action(role='staff', access=None)
    def get_report_values(self, docids, data=None):
        events = self.env['event.event'].browse(docids)
        events.check_access_rights('write')
        events.check_access_rule('write')
        return {
            'doc_ids': docids,
            'doc_model': 'event.event',
            'docs': events,
        }
