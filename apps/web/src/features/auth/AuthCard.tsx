import type { ReactNode } from 'react';
import './auth.css';

export function AuthCard({
  title,
  children,
  footer,
}: {
  title: string;
  children: ReactNode;
  footer: ReactNode;
}) {
  return (
    <main className="page page-centered">
      <title>{`${title} · Cutroom`}</title>
      <div className="auth-card">
        <p className="brand brand-large" aria-hidden="true">
          Cutroom
        </p>
        <h1>{title}</h1>
        {children}
        <p className="auth-card-footer">{footer}</p>
      </div>
    </main>
  );
}
