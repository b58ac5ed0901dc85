# Copyright 2026 Kèpos SCIC
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import _, api, fields, models

from odoo.addons.kepos_membership.lib.guard import kepos_action


class KeposTerritorialNeed(models.Model):
    """Needs sent by residents from the public site (*Quartiers en
    transition*) arrive "submitted"; the staff accepts them into the list
    of needs to qualify, or rejects them."""
    _inherit = 'kepos.territorial.need'

    # Set by the site from the form; the staff reads them.
    _kepos_client_fields = {}

    # Submitted comes first: the status bar shows the states in this order.
    state = fields.Selection(selection=[
        ('submitted', 'Submitted'),
        ('new', 'New'),
        ('qualified', 'Qualified'),
        ('addressed', 'Addressed by a project'),
        ('dismissed', 'Dismissed'),
    ])
    source = fields.Selection(selection_add=[('resident', 'Resident')])
    kepos_concerned = fields.Char(string='Who is concerned', readonly=True)
    kepos_submitter_name = fields.Char(string='Sent by', readonly=True)
    kepos_submitter_email = fields.Char(string='Email of the sender',
                                        readonly=True)
    kepos_consent_date = fields.Datetime(string='Consent given on',
                                         readonly=True)

    @api.multi
    @kepos_action(role='staff', states=['submitted'])
    def action_kepos_accept(self):
        self._kepos_server_write({'state': 'new'})

    @api.multi
    @kepos_action(role='staff', states=['submitted'])
    def action_kepos_reject(self):
        self._kepos_server_write({'state': 'dismissed'})

    @api.model
    def _kepos_website_submit(self, post, remote_addr):
        """A resident's need from the public form, checked field by field;
        QPV when its district is one of the configured priority districts."""
        spec = {
            'name': (_('Your need'), 120, True, 'text'),
            'description': (_('Description'), 2000, True, 'text'),
            'district': (_('District'), 80, True, 'text'),
            'concerned': (_('Who is concerned'), 200, False, 'text'),
            'submitter_name': (_('Your name'), 100, False, 'text'),
            'submitter_email': (_('Email'), 120, False, 'email'),
        }
        theme = post.get('theme') or 'other'
        if theme not in dict(self._fields['theme'].selection):
            theme = 'other'
        values, consent = self.env['kepos.website.form']._kepos_clean(
            post, spec, 'need', remote_addr)
        qpv = self.env['kepos.qpv.district']._kepos_find(values['district'])
        return self.sudo()._kepos_server_create({
            'name': values['name'],
            'description': values['description'],
            'district': qpv.name or values['district'],
            'city': qpv.city or 'Nancy',
            'qpv': bool(qpv),
            'theme': theme,
            'source': 'resident',
            'state': 'submitted',
            'user_id': False,
            'kepos_concerned': values['concerned'],
            'kepos_submitter_name': values['submitter_name'],
            'kepos_submitter_email': values['submitter_email'],
            'kepos_consent_date': consent,
        })
