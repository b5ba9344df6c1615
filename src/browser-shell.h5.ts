import './browser-shell.scss';
