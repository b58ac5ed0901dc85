# Copyright 2026 Kèpos SCIC
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import re

from odoo import _, api, fields, models
from odoo.exceptions import ValidationError

EMAIL_RE = re.compile(r'^[^@\s<>"]+@[^@\s<>"]+\.[^@\s<>"]+$')


class KeposWebsiteForm(models.AbstractModel):
    """What every public form checks before anything is stored: the
    honeypot, the consent, the sizes and formats of the fields, the
    hourly limit of the address. The messages are shown to the visitor."""
    _name = 'kepos.website.form'
    _description = 'Checks of the public forms'

    @api.model
    def _kepos_clean(self, post, spec, form, remote_addr):
        """post: the request's values; spec: {field: (label, max size,
        required, kind)} with kind in text, email. Returns the cleaned
        values and the consent date; raises ValidationError."""
        if post.get('website_url_confirm'):
            # The honeypot: hidden from people, filled by robots.
            raise ValidationError(_('Your message could not be sent.'))
        if not post.get('consent'):
            raise ValidationError(_(
                'Please accept that we keep your data to answer you.'))
        values = {}
        for name, (label, size, required, kind) in spec.items():
            value = (post.get(name) or '').strip()
            if required and not value:
                raise ValidationError(_('Please fill in: %s.') % label)
            if len(value) > size:
                raise ValidationError(_(
                    '%(label)s is too long (%(size)s characters at most).')
                    % {'label': label, 'size': size})
            if value and kind == 'email' and not EMAIL_RE.match(value):
                raise ValidationError(_(
                    'Please give a valid email address.'))
            values[name] = value
        self.env['kepos.website.throttle']._kepos_check_and_count(
            form, remote_addr)
        return values, fields.Datetime.now()
