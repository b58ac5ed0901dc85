# Copyright 2026 Kèpos SCIC
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Online registration to the published events (website_event), with the
visitor's consent required and recorded like on the site's other forms."""
from odoo import _, http
from odoo.http import request

from odoo.addons.website_event.controllers.main import WebsiteEventController


class KeposEventController(WebsiteEventController):

    @http.route()
    def registration_confirm(self, event, **post):
        if not post.get('0-kepos_consent'):
            return request.render('kepos_website.thanks', {
                'refused': True, 'back_url': '/event/%d/register' % event.id,
                'message': _('Please accept that we keep your data to answer '
                             'you.')})
        return super().registration_confirm(event, **post)
