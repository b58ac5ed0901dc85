# Copyright 2026 Kèpos SCIC
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import date

from odoo import api, fields, models

# The only fields of each model the public pages show.
PROFILE_FIELDS = ('name', 'activity', 'offers', 'industry_id', 'city',
                  'website', 'kepos_website_district', 'kepos_website_keywords')
PRODUCT_FIELDS = ('name', 'kepos_website_description',
                  'kepos_seller_id')
OFFER_FIELDS = ('name', 'description', 'kepos_coordinator_id')
PRACTICE_FIELDS = ('name', 'content', 'kepos_author_id')


class KeposWebsitePublic(models.AbstractModel):
    """Every read of the public site goes through here: narrow superuser
    queries whose domains carry the opt-in or the publication, returning
    plain values of the listed fields only, never records."""
    _name = 'kepos.website.public'
    _description = 'Reads of the public site'

    @api.model
    def _kepos_profile_domain(self):
        return [('kepos_website_published', '=', True),
                ('partner_id.active', '=', True)]

    @api.model
    def _kepos_product_domain(self):
        return [('kepos_member_catalogue', '=', True),
                ('kepos_website_published', '=', True),
                ('sale_ok', '=', True), ('kepos_seller_id', '!=', False)]

    @api.model
    def _kepos_offer_domain(self):
        return [('state', '=', 'published'),
                ('kepos_website_published', '=', True)]

    @api.model
    def _kepos_practice_domain(self):
        return [('kepos_website_published', '=', True),
                ('approved_date', '!=', False), ('type', '=', 'content')]

    @api.model
    def _kepos_public_products(self, domain):
        return self.env['product.template'].sudo().search(
            self._kepos_product_domain() + domain)

    @api.model
    def _kepos_public_offers(self, domain):
        return self.env['kepos.joint.offer'].sudo().search(
            self._kepos_offer_domain() + domain)

    @api.model
    def _kepos_profiles(self, domain=(), search=None, limit=None):
        domain = self._kepos_profile_domain() + list(domain)
        if search:
            domain += ['|', '|', '|', ('name', 'ilike', search),
                       ('activity', 'ilike', search),
                       ('offers', 'ilike', search),
                       ('kepos_website_keywords', 'ilike', search)]
        profiles = self.env['kepos.member.profile'].sudo().search(
            domain, limit=limit)
        rows = profiles.read(list(PROFILE_FIELDS))
        for row, profile in zip(rows, profiles):
            row['product_names'] = self._kepos_public_products(
                [('kepos_seller_id', '=', profile.partner_id.id)]
            ).mapped('name')
            row['has_logo'] = bool(profile.image)
        return rows

    @api.model
    def _kepos_sectors(self):
        profiles = self.env['kepos.member.profile'].sudo().search(
            self._kepos_profile_domain())
        return profiles.mapped('industry_id').read(['name'])

    @api.model
    def _kepos_products(self, domain=(), search=None):
        domain = list(domain)
        if search:
            domain += ['|', ('name', 'ilike', search),
                       ('kepos_website_description', 'ilike', search)]
        return self._kepos_public_products(domain).read(list(PRODUCT_FIELDS))

    @api.model
    def _kepos_offers(self, domain=(), search=None):
        domain = list(domain)
        if search:
            domain += [('name', 'ilike', search)]
        offers = self._kepos_public_offers(domain)
        rows = offers.read(list(OFFER_FIELDS))
        for row, offer in zip(rows, offers):
            # The members and what each brings, not the split of the price.
            row['parts'] = [(part.partner_id.name, part.name)
                            for part in offer.part_ids]
        return rows

    @api.model
    def _kepos_practices(self, domain=()):
        pages = self.env['document.page'].sudo().search(
            self._kepos_practice_domain() + list(domain))
        rows = pages.read(list(PRACTICE_FIELDS))
        for row, page in zip(rows, pages):
            row['tags'] = page.kepos_tag_ids.mapped('name')
        return rows

    @api.model
    def _kepos_districts(self):
        return self.env['kepos.qpv.district'].sudo().search([]).read(
            ['name', 'city'])

    @api.model
    def _kepos_next_events(self, limit=3):
        events = self.env['event.event'].sudo().search([
            ('website_published', '=', True), ('state', '!=', 'cancel'),
            ('date_end', '>=', fields.Datetime.now())],
            order='date_begin', limit=limit)
        return events.read(['name', 'date_begin', 'kepos_event_kind',
                            'website_url'])

    @api.model
    def _kepos_figures(self):
        """Computed figures of the home page: counts and totals only."""
        env = self.env
        year_start = date.today().replace(month=1, day=1)
        year_start = fields.Date.to_string(year_start)
        synergies = env['kepos.synergy'].sudo().search([
            ('state', 'in', ('contracted', 'running', 'closed')),
            '|', ('date_start', '>=', year_start),
            ('contract_date', '>=', year_start)])
        transfers = env['kepos.barter.transfer'].sudo().search([
            ('state', '=', 'done'), ('date', '>=', year_start),
            ('reversed_transfer_id', '=', False), ('reversal_ids', '=', False)])
        trainings = env['event.event'].sudo().search_count([
            ('kepos_event_kind', '=', 'training'), ('state', '!=', 'cancel'),
            ('date_begin', '>=', year_start),
            ('date_begin', '<=', fields.Datetime.now())])
        return {
            'members': env['res.partner'].sudo().search_count([
                ('kepos_member_state', '=', 'member')]),
            # Jobs created by the companies the incubator launched.
            'jobs': int(round(sum(env['kepos.incubation'].sudo().search([
                ('launch_date', '!=', False)]).mapped('jobs_fte')))),
            'synergies': len(synergies),
            'co2e_tonnes': round(sum(synergies.mapped('co2e_avoided')) / 1000.0, 1),
            'barter_volume': int(round(sum(transfers.mapped('amount')))),
            'trainings': trainings,
        }
