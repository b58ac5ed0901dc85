# Copyright 2026 Kèpos SCIC
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models


class EventRegistration(models.Model):
    """A registration from the public site records when the visitor
    accepted that the cooperative keeps its data."""
    _inherit = 'event.registration'

    # Set by the site only.
    _kepos_client_fields = {}

    kepos_consent_date = fields.Datetime(string='Consent given on',
                                         readonly=True, copy=False)

    @api.model
    def _prepare_attendee_values(self, registration):
        consent = registration.pop('kepos_consent', None)
        values = super()._prepare_attendee_values(registration)
        if consent:
            values['kepos_consent_date'] = fields.Datetime.now()
        return values
