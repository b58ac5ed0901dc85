# Copyright 2026 Kèpos SCIC
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import hashlib
from datetime import timedelta

from odoo import _, api, fields, models
from odoo.exceptions import ValidationError


class KeposWebsiteThrottle(models.Model):
    """One line per form sent from the site, to limit how many one address
    may send: only a hash of the address is kept, never the address."""
    _name = 'kepos.website.throttle'
    _description = 'Form sent from the public site'
    _order = 'id desc'

    # Written by the server only, when a public form is accepted.
    _kepos_client_fields = {}

    key = fields.Char(required=True, index=True, readonly=True)
    form = fields.Char(required=True, readonly=True)

    @api.model
    def _kepos_key(self, remote_addr):
        secret = self.env['ir.config_parameter'].sudo().get_param(
            'database.secret', '')
        return hashlib.sha256(
            ('%s:%s' % (secret, remote_addr or '')).encode()).hexdigest()

    @api.model
    def _kepos_check_and_count(self, form, remote_addr):
        """Refuse a form past the hourly limit of its address, else count
        it. The limit is a system parameter (kepos_website.forms_per_hour)."""
        limit = int(self.env['ir.config_parameter'].sudo().get_param(
            'kepos_website.forms_per_hour', '5'))
        key = self._kepos_key(remote_addr)
        since = fields.Datetime.to_string(
            fields.Datetime.from_string(fields.Datetime.now())
            - timedelta(hours=1))
        sent = self.sudo().search_count([
            ('key', '=', key), ('create_date', '>=', since)])
        if sent >= limit:
            raise ValidationError(_(
                'Too many forms were sent from your address in the last '
                'hour. Please try again later.'))
        self.sudo().create({'key': key, 'form': form})

    @api.model
    def _kepos_purge(self):
        """Daily: forget the counts older than a day."""
        since = fields.Datetime.to_string(
            fields.Datetime.from_string(fields.Datetime.now())
            - timedelta(days=1))
        self.sudo().search([('create_date', '<', since)]).unlink()
