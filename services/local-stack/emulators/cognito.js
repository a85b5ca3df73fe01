// The Cognito emulator of the local stack: cognito-local (pinned in package-lock.json) run in this process, with the
// parts of the user pools API the Cruddur React frontend calls that cognito-local lacks or gets wrong (see
// docs/local-stack.md, "The local Cognito"):
// - GlobalSignOut: the user's refresh tokens stop working, and every access token issued to the user so far is
//   refused by the user pools API ("Access Token has been revoked"), as in Cognito;
// - RevokeToken: also revokes the access tokens issued with the refresh token (cognito-local only drops the latter);
// - ResendConfirmationCode: a new sign-up code, which replaces the old one;
// - a wrong password at sign-in is NotAuthorizedException "Incorrect username or password.", as in Cognito (not
//   cognito-local's InvalidPasswordException, which Cognito keeps for a new password that breaks the policy);
// - every confirmation or reset code is appended at once, one line each, "<address> <purpose> <code>", to the file
//   CRUDDUR_COGNITO_CODES names (and printed), instead of cognito-local's late, buffered box in its log.
// Settings as for cognito-local: PORT, HOST, and .cognito/ (config.json, data) in the working directory.
'use strict';
const crypto = require('crypto');
const fs = require('fs');
const path = require('path');

const lib = path.join(path.dirname(require.resolve('cognito-local/package.json')), 'lib');
const local = (module) => require(path.join(lib, module));
const jwt = require('jsonwebtoken');
const pino = require('pino');
const pretty = require('pino-pretty');
const { loadConfig } = local('server/config');
const { createServer } = local('server/server');
const { Router } = local('server/Router');
const { DateClock, TriggersService, LambdaService } = local('services');
const { CognitoServiceFactoryImpl } = local('services/cognitoService');
const { CryptoService } = local('services/crypto');
const { StormDBDataStoreFactory } = local('services/dataStore/stormDb');
const { UserPoolServiceFactoryImpl } = local('services/userPoolService');
const { JwtTokenGenerator } = local('services/tokenGenerator');
const { otp } = local('services/otp');
const { selectAppropriateDeliveryMethod } = local('services/messageDelivery/deliveryMethod');
const errors = local('errors');
const publicKey = crypto.createPublicKey({ key: require(path.join(lib, 'keys/cognitoLocal.public.json')).jwk, format: 'jwk' });

/** What each code is for, by the message source cognito-local (or ResendConfirmationCode below) names. */
const PURPOSES = {
  SignUp: 'confirm-sign-up',
  ResendCode: 'confirm-sign-up',
  ForgotPassword: 'reset-password',
  AdminCreateUser: 'temporary-password',
  UpdateUserAttribute: 'verify-attribute',
  VerifyUserAttribute: 'verify-attribute',
  Authentication: 'sign-in',
};

const codesFile = process.env.CRUDDUR_COGNITO_CODES;
if (codesFile) {
  fs.mkdirSync(path.dirname(codesFile), { recursive: true });
  fs.writeFileSync(codesFile, ''); // a clean slate, like the emulator's data
}

/** Delivers a code: one line in the codes file and on stdout, written before the API call answers. */
const messages = {
  async deliver(ctx, source, clientId, userPoolId, user, code, clientMetadata, deliveryDetails) {
    const line = `${deliveryDetails.Destination} ${PURPOSES[source] ?? source} ${code}\n`;
    if (codesFile) {
      fs.appendFileSync(codesFile, line);
    }
    fs.writeSync(1, `Cognito code: ${line}`);
  },
};

/** Access tokens the emulator issued: jti -> the user's sub and the refresh token they came with. */
const issued = new Map();
const revoked = new Set();
/** Refresh tokens GlobalSignOut or RevokeToken ended, to answer as Cognito does when one is used again. */
const revokedRefreshTokens = new Set();

function recordTokens(result, refreshToken) {
  const auth = result?.AuthenticationResult;
  if (auth?.AccessToken) {
    const claims = jwt.decode(auth.AccessToken);
    issued.set(claims.jti, { sub: claims.sub, refreshToken: auth.RefreshToken ?? refreshToken });
  }
  return result;
}

/** The claims of a valid, unrevoked access token, or the error Cognito answers. */
function verifyAccessToken(token) {
  let claims;
  try {
    claims = jwt.verify(token ?? '', publicKey, { algorithms: ['RS256'] });
  } catch (e) {
    throw new errors.NotAuthorizedError(e instanceof jwt.TokenExpiredError ? 'Access Token has expired'
      : 'Invalid Access Token');
  }
  if (claims.token_use !== 'access') {
    throw new errors.NotAuthorizedError('Invalid Access Token');
  }
  if (revoked.has(claims.jti)) {
    throw new errors.NotAuthorizedError('Access Token has been revoked');
  }
  return claims;
}

function revokeAccessTokens(matches) {
  for (const [jti, token] of issued) {
    if (matches(token)) {
      revoked.add(jti);
    }
  }
}

/** The operations this front adds or completes, over cognito-local's router `base`. */
function added(services, base) {
  const cognito = services.cognito;
  return {
    async GlobalSignOut(ctx, req) {
      const claims = verifyAccessToken(req.AccessToken);
      const userPool = await cognito.getUserPoolForClientId(ctx, claims.client_id);
      const user = await userPool.getUserByUsername(ctx, claims.sub);
      if (!user) {
        throw new errors.UserNotFoundError();
      }
      (user.RefreshTokens ?? []).forEach((token) => revokedRefreshTokens.add(token));
      await userPool.saveUser(ctx, { ...user, RefreshTokens: [] });
      revoked.add(claims.jti);
      revokeAccessTokens((token) => token.sub === claims.sub);
      return {};
    },

    async RevokeToken(ctx, req) {
      const result = await base('RevokeToken')(ctx, req);
      revokedRefreshTokens.add(req.Token);
      revokeAccessTokens((token) => token.refreshToken === req.Token);
      return result;
    },

    async ResendConfirmationCode(ctx, req) {
      const userPool = await cognito.getUserPoolForClientId(ctx, req.ClientId);
      const user = await userPool.getUserByUsername(ctx, req.Username ?? '');
      if (!user) {
        throw new errors.UserNotFoundError('Username/client id combination not found.');
      }
      if (user.UserStatus === 'CONFIRMED') {
        throw new errors.InvalidParameterError('User is already confirmed.');
      }
      const deliveryDetails = selectAppropriateDeliveryMethod(userPool.options.AutoVerifiedAttributes ?? [], user);
      if (!deliveryDetails) {
        throw new errors.InvalidParameterError('User has no attribute matching desired auto verified attributes');
      }
      const code = services.otp();
      await services.messages.deliver(ctx, 'ResendCode', req.ClientId, userPool.options.Id, user, code,
        req.ClientMetadata, deliveryDetails);
      await userPool.saveUser(ctx, { ...user, ConfirmationCode: code, UserLastModifiedDate: services.clock.get() });
      return { CodeDeliveryDetails: deliveryDetails };
    },
  };
}

/** cognito-local's router, with the operations above, token bookkeeping, and revoked access tokens refused. */
function router(services) {
  const base = Router(services);
  const own = added(services, base);
  return (target) => {
    const handler = Object.hasOwn(own, target) ? own[target] : base(target);
    return async (ctx, req) => {
      if (req?.AccessToken !== undefined && target !== 'GlobalSignOut') {
        verifyAccessToken(req.AccessToken);
      }
      if (revokedRefreshTokens.has(req?.AuthParameters?.REFRESH_TOKEN)) {
        throw new errors.NotAuthorizedError('Refresh Token has been revoked');
      }
      try {
        return recordTokens(await handler(ctx, req), req?.AuthParameters?.REFRESH_TOKEN);
      } catch (error) {
        if (target.endsWith('InitiateAuth') && error.code === 'InvalidPasswordException') {
          throw new errors.NotAuthorizedError('Incorrect username or password.');
        }
        throw error;
      }
    };
  };
}

/** cognito-local's createDefaultServer, with the message delivery and router above. */
async function main() {
  const logger = pino({ level: process.env.DEBUG ? 'debug' : 'info' },
    pretty({ colorize: false, ignore: 'pid,name,hostname', singleLine: true, sync: true }));
  const ctx = { logger };
  const config = await loadConfig(ctx, new StormDBDataStoreFactory('.cognito'));
  const clock = new DateClock();
  const dataStoreFactory = new StormDBDataStoreFactory('.cognito/db');
  const cognito = await new CognitoServiceFactoryImpl('.cognito/db', dataStoreFactory,
    new UserPoolServiceFactoryImpl(clock, dataStoreFactory)).create(ctx, config.UserPoolDefaults);
  // no Lambda triggers are configured locally; the AWS SDK v2 Lambda client is only built if one is
  const triggers = new TriggersService(clock, cognito, new LambdaService(config.TriggerFunctions, null),
    new CryptoService(config.KMSConfig));
  const services = {
    clock, cognito, config, messages, otp, triggers,
    tokenGenerator: new JwtTokenGenerator(clock, triggers, config.TokenConfig),
  };
  const server = await createServer(router(services), logger, config.ServerConfig, services).start();
  const address = server.address();
  logger.info(`Cognito (cognito-local with the Cruddur front) on http://${address.address}:${address.port}`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
