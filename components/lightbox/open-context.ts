'use client';
/** Opens the gallery's lightbox at an image: provided by the gallery, used by tiles wherever they sit (the stage). */
import { createContext, useContext } from 'react';

export type OpenImage = (id: string, opener: HTMLElement) => void;

export const LightboxOpen = createContext<OpenImage | undefined>(undefined);

export const useOpenImage = (): OpenImage | undefined => useContext(LightboxOpen);
