'use client';
/** Hands the app's server actions to the browser workflows in lib/ (which never import app/). Import for effect. */
import { cancel, chat, generate, resume, resumeChat } from '@/app/actions';
import { provideServerActions } from '@/lib/pipeline/server-actions';

provideServerActions({ cancel, chat, generate, resume, resumeChat });
