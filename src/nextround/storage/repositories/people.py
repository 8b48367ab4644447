"""Queries over companies, contacts and the user's profile."""

from __future__ import annotations

import builtins

from sqlalchemy import func, select

from nextround.storage.repositories import Repository
from nextround.storage.tables.core import Company, Contact, Profile


class CompanyRepository(Repository):
    def get(self, company_id: int) -> Company:
        return self._get_owned(Company, company_id, "company")

    def find(self, name: str) -> Company | None:
        """Find by name or alias, ignoring case (any script) and surrounding space."""
        exact = " ".join(name.split())
        row = self.session.scalar(
            select(Company).where(Company.owner_id == self.owner_id, Company.name == exact)
        )
        if row is not None:
            return row
        # SQL lower() folds ASCII only, so compare case-insensitively in Python.
        key = exact.casefold()
        for company in self.list():
            if company.name.casefold() == key or key in {a.casefold() for a in company.aliases}:
                return company
        return None

    def get_or_create(self, name: str) -> Company:
        found = self.find(name)
        if found is not None:
            return found
        company = Company(owner_id=self.owner_id, name=" ".join(name.split()), aliases=[])
        return self.add(company)

    def list(self) -> builtins.list[Company]:
        stmt = select(Company).where(Company.owner_id == self.owner_id).order_by(
            func.lower(Company.name)
        )
        return list(self.session.scalars(stmt))


class ContactRepository(Repository):
    def get(self, contact_id: int) -> Contact:
        return self._get_owned(
            Contact, contact_id, "contact", "Run `nextround contact list` to see the ids."
        )

    def list(self, company_id: int | None = None, query: str | None = None) -> builtins.list[Contact]:
        stmt = select(Contact).where(Contact.owner_id == self.owner_id)
        if company_id is not None:
            stmt = stmt.where(Contact.company_id == company_id)
        if query:
            like = f"%{query.lower()}%"
            stmt = stmt.where(func.lower(Contact.name).like(like))
        return list(self.session.scalars(stmt.order_by(func.lower(Contact.name))).unique())

    def find_by_email(self, email: str) -> Contact | None:
        return self.session.scalar(
            select(Contact).where(
                Contact.owner_id == self.owner_id, func.lower(Contact.email) == email.lower()
            )
        )


class ProfileRepository(Repository):
    def get(self) -> Profile:
        """The owner's profile, created empty on first use."""
        row = self.session.scalar(select(Profile).where(Profile.owner_id == self.owner_id))
        if row is None:
            row = self.add(Profile(owner_id=self.owner_id, skills=[], target_roles=[], settings={}))
        return row

    def exists(self) -> bool:
        row = self.session.scalar(select(Profile).where(Profile.owner_id == self.owner_id))
        return row is not None and bool(row.name)
