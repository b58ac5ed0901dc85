# Copyright 2026 Kèpos SCIC
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import _, api, models
from odoo.exceptions import UserError

from odoo.addons.kepos_membership.lib.guard import kepos_action


class ReportTrainingCertificate(models.AbstractModel):
    """Refuses the certificate to whoever did not attend enough, whatever
    the way the report is printed (button, print menu, RPC)."""
    _name = 'report.kepos_events.report_training_certificate'
    _description = 'Training certificate'

    @api.model
    @kepos_action(role='member', access=None)
    def get_report_values(self, docids, data=None):
        registrations = self.env['event.registration'].browse(docids)
        registrations._kepos_check_own()
        refused = registrations.filtered(
            lambda r: not r.kepos_certificate_eligible)
        if refused:
            raise UserError(_(
                'No certificate for %s: not enough hours attended.')
                % ', '.join(refused.mapped('name')))
        return {
            'doc_ids': docids,
            'doc_model': 'event.registration',
            'docs': registrations,
        }
