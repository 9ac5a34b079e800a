export * from './grounded';
export * from './dfquad';
export * from './evaluate';
export * from './coverage';
export * from './explain';
