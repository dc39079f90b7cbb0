class AuditRouter:
    """Sends the access log to the "audit" database when one is configured (AUDIT_DATABASE_URL)."""

    app_label = "audit"
    db = "audit"

    def db_for_read(self, model, **hints):
        return self.db if model._meta.app_label == self.app_label else None

    def db_for_write(self, model, **hints):
        return self.db if model._meta.app_label == self.app_label else None

    def allow_relation(self, obj1, obj2, **hints):
        return None

    def allow_migrate(self, db, app_label, model_name=None, **hints):
        if app_label == self.app_label:
            return db == self.db
        if db == self.db:
            return False
        return None
