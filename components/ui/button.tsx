'use client';
/**
 * Buttons of the design system (their classes are in button-class.ts, which server components use too).
 * IconButton is square, carries its label as its accessible name, and shows it as a tooltip.
 */
import { forwardRef, type ButtonHTMLAttributes, type ReactNode } from 'react';
import { Tooltip } from './tooltip';

import { buttonClass, type Variant } from './button-class';

export { buttonClass, type Variant };

export const Button = forwardRef<HTMLButtonElement, ButtonHTMLAttributes<HTMLButtonElement> & { variant?: Variant; size?: 'sm' | 'md' }>(function Button(
  { variant = 'secondary', size = 'md', className = '', type = 'button', ...rest },
  ref,
) {
  return <button ref={ref} type={type} className={`${buttonClass(variant, size)} ${className}`} {...rest} />;
});

export const IconButton = forwardRef<HTMLButtonElement, ButtonHTMLAttributes<HTMLButtonElement> & { label: string; icon: ReactNode; variant?: Variant }>(function IconButton(
  { label, icon, variant = 'ghost', className = '', type = 'button', ...rest },
  ref,
) {
  return (
    <Tooltip content={label}>
      <button ref={ref} type={type} aria-label={label} className={`${buttonClass(variant, 'sm')} size-8 p-0 ${className}`} {...rest}>
        {icon}
      </button>
    </Tooltip>
  );
});
