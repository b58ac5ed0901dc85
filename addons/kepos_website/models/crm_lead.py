# Copyright 2026 Kèpos SCIC
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import _, api, fields, models
from odoo.exceptions import ValidationError


class CrmLead(models.Model):
    """Leads that visitors of the public site create: a message to the
    cooperative or a quote request to a member (or a joint offer)."""
    _inherit = 'crm.lead'

    # Set by the site only, from what the visitor sent.
    _kepos_client_fields = {}

    kepos_website_origin = fields.Selection(
        [('contact', 'Contact form'), ('quote', 'Quote request')],
        string='From the public site', readonly=True, index=True)
    kepos_consent_date = fields.Datetime(
        string='Consent given on', readonly=True,
        help='When the visitor accepted that the cooperative keeps the data '
             'of the form to answer it.')
    kepos_product_tmpl_id = fields.Many2one(
        'product.template', string='Requested product', readonly=True)
    kepos_joint_offer_id = fields.Many2one(
        'kepos.joint.offer', string='Requested joint offer', readonly=True)
    kepos_seller_id = fields.Many2one(
        'res.partner', string='Member asked', readonly=True)

    def _kepos_form_spec(self):
        return {
            'contact_name': (_('Your name'), 100, True, 'text'),
            'email_from': (_('Email'), 120, True, 'email'),
            'phone': (_('Phone'), 30, False, 'text'),
            'partner_name': (_('Organisation'), 120, False, 'text'),
            'description': (_('Message'), 3000, True, 'text'),
        }

    @api.model
    def _kepos_website_contact(self, post, remote_addr):
        """A message to the cooperative's team, from the contact form."""
        values, consent = self.env['kepos.website.form']._kepos_clean(
            post, self._kepos_form_spec(), 'contact', remote_addr)
        company = self.env.ref('base.main_company')
        lead = self.sudo()._kepos_server_create(dict(
            values, type='lead', company_id=company.id,
            name=_('Message from the site: %s') % values['contact_name'],
            kepos_website_origin='contact', kepos_consent_date=consent))
        lead._kepos_acknowledge()
        return lead

    @api.model
    def _kepos_website_quote(self, post, remote_addr):
        """A quote request for a published product of the members'
        catalogue or a published joint offer: a lead in the seller's
        company (the cooperative's for a member without one), the member
        notified, the visitor acknowledged."""
        product = self.env['product.template']
        offer = self.env['kepos.joint.offer']
        if post.get('product_id'):
            product = self.env['kepos.website.public']._kepos_public_products(
                [('id', '=', _to_int(post['product_id']))])
            seller = product.kepos_seller_id
            subject = product.name
        elif post.get('offer_id'):
            offer = self.env['kepos.website.public']._kepos_public_offers(
                [('id', '=', _to_int(post['offer_id']))])
            seller = offer and offer._kepos_quote_recipient()
            subject = offer.name
        if not (product or offer) or not seller:
            raise ValidationError(_('This offer is no longer available.'))
        values, consent = self.env['kepos.website.form']._kepos_clean(
            post, self._kepos_form_spec(), 'quote', remote_addr)
        company = seller.sudo().kepos_own_company_id or \
            self.env.ref('base.main_company')
        lead = self.sudo()._kepos_server_create(dict(
            values, type='lead', company_id=company.id,
            name=_('Quote request: %s') % subject,
            kepos_website_origin='quote', kepos_consent_date=consent,
            kepos_product_tmpl_id=product.id, kepos_joint_offer_id=offer.id,
            kepos_seller_id=seller.id))
        # The member hears of it by mail, through the queue.
        lead.with_context(mail_notify_force_send=False).message_post(
            body=_('A visitor of the site asks %s for a quote.') % seller.name,
            partner_ids=[seller.id], subtype='mail.mt_comment')
        lead._kepos_acknowledge()
        return lead

    def _kepos_acknowledge(self):
        """The visitor's acknowledgement, queued (the mail cron sends it)."""
        template = self.env.ref('kepos_website.mail_template_lead_ack')
        template.sudo().send_mail(self.id, force_send=False)


def _to_int(value):
    try:
        return int(value)
    except (TypeError, ValueError):
        return 0
