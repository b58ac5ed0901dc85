# Copyright 2026 Kèpos SCIC
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The public forms: each hands the visitor's values to a model method that
checks every field (honeypot, consent, sizes, formats, hourly limit of the
address) and creates the record; its message is shown back on refusal."""
from odoo import _, http
from odoo.exceptions import ValidationError
from odoo.http import request

def _addr():
    return request.httprequest.remote_addr


class KeposForms(http.Controller):

    def _thanks(self, message):
        return request.render('kepos_website.thanks', {'message': message})

    @http.route('/contact', type='http', auth='public', website=True,
                methods=['GET', 'POST'])
    def contact(self, **post):
        error = None
        if request.httprequest.method == 'POST':
            try:
                request.env['crm.lead']._kepos_website_contact(post, _addr())
                return self._thanks(_(
                    'Thank you: the team of Kèpos will answer you soon.'))
            except ValidationError as exc:
                error = exc.name
        return request.render('kepos_website.contact', {
            'error': error, 'values': post,
            'website_meta_description': _('Write to the Kèpos team.'),
        })

    @http.route('/offres/devis', type='http', auth='public', website=True,
                methods=['POST'])
    def quote(self, **post):
        try:
            request.env['crm.lead']._kepos_website_quote(post, _addr())
        except ValidationError as exc:
            public = request.env['kepos.website.public']
            product_id = int(post.get('product_id') or 0) \
                if (post.get('product_id') or '').isdigit() else 0
            offer_id = int(post.get('offer_id') or 0) \
                if (post.get('offer_id') or '').isdigit() else 0
            products = public._kepos_products([('id', '=', product_id)]) \
                if product_id else []
            offers = public._kepos_offers([('id', '=', offer_id)]) \
                if offer_id else []
            if not (products or offers):
                raise request.not_found()
            return request.render('kepos_website.offer', {
                'product': products and products[0] or None,
                'offer': offers and offers[0] or None,
                'error': exc.name, 'values': post})
        return self._thanks(_(
            'Thank you: your request was sent to the member, who will '
            'answer you. A confirmation is on its way to your mailbox.'))

    @http.route('/quartiers-en-transition', type='http', auth='public',
                website=True, methods=['GET', 'POST'])
    def residents_need(self, **post):
        error = None
        if request.httprequest.method == 'POST':
            try:
                request.env['kepos.territorial.need']._kepos_website_submit(
                    post, _addr())
                return self._thanks(_(
                    'Thank you: your need was received. The team of the '
                    'Serre à projets reads every need of the districts.'))
            except ValidationError as exc:
                error = exc.name
        return request.render('kepos_website.residents_need', {
            'error': error, 'values': post,
            'districts': request.env['kepos.website.public']._kepos_districts(),
            'website_meta_description': _(
                'Quartiers en transition: tell us a need of your district.'),
        })
